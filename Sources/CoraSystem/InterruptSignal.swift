#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Synchronization

/// Ctrl-C (SIGINT) and SIGTERM during a long run: the first asks the run to stop cleanly (a batch
/// abandons the files being read, finishes those being written and writes its summary); a second
/// one ends the process at once, as usual.
public enum InterruptSignal {
    /// Catches SIGINT and SIGTERM. Call it before starting threads: they inherit the signal mask,
    /// which is cleared of both here (a parent may have started `cora` with them blocked).
    public static func install() {
        signal(SIGINT, interruptHandler)
        signal(SIGTERM, interruptHandler)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Whether a stop was asked for.
    public static var requested: Bool { interruptCount.load(ordering: .relaxed) > 0 }
}

/// How many stop signals arrived (written by the signal handler, so an atomic).
private let interruptCount = Atomic<Int>(0)

/// Counts the signal and restores the default action, so that the next one ends the process.
private func interruptHandler(_ number: Int32) {
    interruptCount.add(1, ordering: .relaxed)
    signal(number, SIG_DFL)
}

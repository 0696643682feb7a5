#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Synchronization

/// Ctrl-C (SIGINT) and SIGTERM (SIGHUP and SIGPIPE as SIGTERM).
///
/// Every command removes the temporary files it is writing before it ends by the signal, so that
/// no `.cora-tmp-…` file is left behind (``installEnding()``). A long run (`cora batch`) asks the
/// first signal to stop cleanly instead: it abandons the files being read, finishes those being
/// written and writes its summary; a second signal ends it at once, removing its temporary files
/// too, and so does the end of a grace period of ``gracePeriod`` seconds after the first, so that
/// `timeout` and service managers that send one SIGTERM can end it (``install()``).
public enum InterruptSignal {
    /// For a long run: the first SIGINT or SIGTERM asks it to stop cleanly (see ``requested``), a
    /// second ends it. Call it before starting threads: they inherit the signal mask, which is
    /// cleared of both here (a parent may have started `cora` with them blocked).
    public static func install() {
        signalMode.store(Mode.stopCleanly, ordering: .relaxed)
        catchSignals()
    }

    /// For every other command: a SIGINT or SIGTERM removes the temporary files being written and
    /// ends the process by that signal, as it would have without a handler. Does nothing after
    /// ``install()``.
    public static func installEnding() {
        guard signalMode.load(ordering: .relaxed) == Mode.none else { return }
        signalMode.store(Mode.end, ordering: .relaxed)
        catchSignals()
    }

    /// Whether a stop was asked for.
    public static var requested: Bool { interruptCount.load(ordering: .relaxed) > 0 }

    /// The seconds a long run has to stop cleanly after the first signal before it is ended.
    public static let gracePeriod: UInt32 = 10

    private static func catchSignals() {
        TemporaryFileRegistry.prepare()
        ChildProcessRegistry.prepare()
        _ = interruptCount.load(ordering: .relaxed)
        _ = firstSignal.load(ordering: .relaxed)
        signal(SIGINT, interruptHandler)
        signal(SIGTERM, interruptHandler)
        // A closed terminal or SSH session (SIGHUP) and a reader that went away (SIGPIPE) end a run
        // as SIGTERM does: the temporary files are removed first.
        signal(SIGHUP, interruptHandler)
        signal(SIGPIPE, interruptHandler)
        signal(SIGALRM, gracePeriodHandler)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGHUP)
        sigaddset(&set, SIGPIPE)
        sigaddset(&set, SIGALRM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}

/// What a signal does.
private enum Mode {
    /// No handler installed.
    static let none = 0
    /// The first signal asks the run to stop cleanly; the next ends it.
    static let stopCleanly = 1
    /// The first signal ends the run.
    static let end = 2
}

/// The handler's mode.
private let signalMode = Atomic<Int>(Mode.none)
/// How many stop signals arrived (written by the signal handler, so an atomic).
private let interruptCount = Atomic<Int>(0)
/// The first stop signal, which the end of the grace period ends the process with.
private let firstSignal = Atomic<Int32>(SIGTERM)

/// Counts the signal; unless the run was asked to stop cleanly by the first one (then the grace
/// period starts), removes the temporary files and ends the process by the same signal.
private func interruptHandler(_ number: Int32) {
    let count = interruptCount.add(1, ordering: .relaxed).newValue
    if signalMode.load(ordering: .relaxed) == Mode.stopCleanly && count == 1 {
        firstSignal.store(number, ordering: .relaxed)
        alarm(InterruptSignal.gracePeriod)
        return
    }
    end(by: number)
}

/// The grace period after the first signal is over: the run ends as that signal would have ended it.
private func gracePeriodHandler(_: Int32) {
    end(by: firstSignal.load(ordering: .relaxed))
}

/// Removes the temporary files, ends the child processes (`dot`) and ends the process by `number` (blocked while a handler for it
/// runs, it arrives as the handler returns).
private func end(by number: Int32) {
    TemporaryFileRegistry.removeAll()
    ChildProcessRegistry.terminateAll()
    signal(number, SIG_DFL)
    raise(number)
}

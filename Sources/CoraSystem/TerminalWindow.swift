#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The size of the terminal the program writes to.
public enum TerminalWindow {
    /// The width to lay text out for, such as `--help`: two less than the terminal's (as wide as
    /// swift-argument-parser wraps), from standard output's window size, else `COLUMNS`, else 80;
    /// never less than 40.
    public static var textWidth: Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return max(40, Int(size.ws_col) - 2) }
        return max(40, (getenv("COLUMNS").flatMap { Int(String(cString: $0)) } ?? 80) - 2)
    }
}

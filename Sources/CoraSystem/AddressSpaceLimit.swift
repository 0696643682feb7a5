#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A limit on the address space of the process (`ulimit -v`, `prlimit --as`, a container's
/// setting), and what a run of many threads does about it.
///
/// Each thread of `cora batch` reserves an 8 MiB stack, and glibc gives threads malloc arenas of
/// 64 MiB of address space each (up to eight per core): under a limit of a few hundred MiB, 64
/// workers run out of address space and a thread cannot be created, or an allocation fails.
public enum AddressSpaceLimit {
    /// The limit in bytes, `nil` when there is none.
    public static var bytes: Int? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return Int(clamping: limit.rlim_cur)
    }

    /// The workers that fit: `jobs`, or fewer under a limit (a quarter of it for the threads'
    /// stacks and arenas, 32 MiB each), at least one.
    public static func workers(for jobs: Int) -> Int {
        guard let bytes else { return jobs }
        return max(1, min(jobs, bytes / 4 / (32 << 20)))
    }

    /// Under a limit, lets malloc share its arenas among threads (two per core at most) instead of
    /// reserving 64 MiB of address space for each thread's own.
    public static func shareMallocArenas(cores: Int) {
        #if canImport(Glibc)
        // mallopt is in <malloc.h>, which the Glibc module leaves out: looked up by name.
        guard bytes != nil, let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
        let arenaMax: Int32 = -8  // M_ARENA_MAX
        _ = unsafeBitCast(symbol, to: MallocOption.self)(arenaMax, Int32(clamping: max(2, 2 * cores)))
        #endif
    }
}

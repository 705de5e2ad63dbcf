#if canImport(Glibc)
  import Glibc
#endif

/// `Memory` hands freed memory back to the system.
public enum Memory {
  /// `releaseFree()` asks glibc to return free heap pages. Loading frees far more than it keeps
  /// (file chunks, decoded lines, article bodies once encoded), and glibc otherwise keeps freed
  /// memory in its arenas, where it counts against the resident size.
  public static func releaseFree() {
    #if canImport(Glibc)
      // malloc_trim is glibc's own (malloc.h is not in Swift's Glibc module), so look it up; a
      // nil handle is RTLD_DEFAULT: search every loaded object.
      typealias Trim = @convention(c) (Int) -> Int32
      if let symbol = dlsym(nil, "malloc_trim") {
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
      }
    #endif
  }
}

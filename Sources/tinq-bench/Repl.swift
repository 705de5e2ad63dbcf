// Time from starting `tinq` to its first prompt. The REPL only prompts on a terminal (with a
// pipe it reads statements from stdin), so the child gets a pseudo-terminal.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `ReplTimer` starts `tinq` in a pseudo-terminal and times it until `tinq> ` appears.
struct ReplTimer {
  /// The `tinq` executable.
  var executable: String
  /// Seconds to wait for the prompt before giving up.
  var timeout: Double = 600

  /// `secondsToPrompt(arguments:)` returns the seconds from launch to the first prompt, or nil
  /// when the program exited or timed out without prompting.
  func secondsToPrompt(arguments: [String]) -> Double? {
    var master: Int32 = -1
    var slave: Int32 = -1
    guard openpty(&master, &slave, nil, nil, nil) == 0 else { return nil }
    defer { close(master) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["LC_ALL"] = "C.UTF-8"
    env["TERM"] = env["TERM"] ?? "xterm"
    process.environment = env
    let tty = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
    process.standardInput = tty
    process.standardOutput = tty
    process.standardError = tty

    let clock = ContinuousClock()
    let start = clock.now
    do { try process.run() } catch {
      close(slave)
      return nil
    }
    close(slave)

    let prompt = Array("tinq> ".utf8)
    var seen: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    var elapsed: Double? = nil
    while (clock.now - start).seconds < timeout {
      var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      let ready = poll(&pfd, 1, 100)
      if ready < 0 && errno != EINTR { break }
      if ready <= 0 {
        if !process.isRunning { break }
        continue
      }
      let n = read(master, &buffer, buffer.count)
      if n <= 0 { break }
      seen.append(contentsOf: buffer[0..<n])
      if contains(seen, prompt) {
        elapsed = (clock.now - start).seconds
        break
      }
      // Keep only a tail long enough to hold a prompt split across reads.
      if seen.count > 4096 { seen.removeFirst(seen.count - 64) }
    }
    if process.isRunning {
      let quit = Array(".quit\n".utf8)
      _ = quit.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
      let deadline = clock.now + .seconds(5)
      // Drain output so the child never blocks writing to a full terminal buffer.
      while process.isRunning && clock.now < deadline {
        var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        if poll(&pfd, 1, 50) > 0 && read(master, &buffer, buffer.count) <= 0 { break }
      }
      if process.isRunning { process.terminate() }
    }
    process.waitUntilExit()
    return elapsed
  }

  private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard haystack.count >= needle.count else { return false }
    for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
      if Array(haystack[i..<(i + needle.count)]) == needle { return true }
    }
    return false
  }
}

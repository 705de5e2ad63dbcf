import CLibEdit
import Foundation
import Testing

/// `TinqBinary` finds the built `tinq` next to the test bundle, whatever the scratch path.
enum TinqBinary {
  static let url: URL? = {
    let fm = FileManager.default
    if let explicit = ProcessInfo.processInfo.environment["TINQ_EXECUTABLE"], fm.isExecutableFile(atPath: explicit) {
      return URL(fileURLWithPath: explicit)
    }
    var folders: [URL] = []
    if let first = CommandLine.arguments.first {
      folders.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
    }
    folders.append(Bundle.main.bundleURL)
    folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
    for bundle in Bundle.allBundles { folders.append(bundle.bundleURL.deletingLastPathComponent()) }
    for folder in folders {
      let candidate = folder.appendingPathComponent("tinq")
      if fm.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    // Last resort: the newest debug build under any .build* folder of this checkout.
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let builds = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.hasPrefix(".build") }
    let found = builds.map { root.appendingPathComponent($0).appendingPathComponent("debug/tinq") }
      .filter { fm.isExecutableFile(atPath: $0.path) }
    return found.max { a, b in
      let da = ((try? fm.attributesOfItem(atPath: a.path))?[.modificationDate] as? Date) ?? .distantPast
      let db = ((try? fm.attributesOfItem(atPath: b.path))?[.modificationDate] as? Date) ?? .distantPast
      return da < db
    }
  }()
}

/// `ProcessResult` is what a finished `tinq` printed and returned.
struct ProcessResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// `runTinq(_:stdin:)` runs `tinq` with arguments, feeding `stdin`, and waits (at most 60 s).
func runTinq(
  _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], stdoutPath: String? = nil
) throws -> ProcessResult {
  let binary = try #require(TinqBinary.url, "the tinq executable was not built")
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tinq-cli-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  let outURL = dir.appendingPathComponent("out")
  let errURL = dir.appendingPathComponent("err")
  let inURL = dir.appendingPathComponent("in")
  try Data().write(to: outURL)
  try Data().write(to: errURL)
  try Data((stdin ?? "").utf8).write(to: inURL)
  let process = Process()
  process.executableURL = binary
  process.arguments = arguments
  var env = ProcessInfo.processInfo.environment
  env["NO_COLOR"] = "1"
  for (k, v) in environment { env[k] = v }
  process.environment = env
  process.standardOutput = try FileHandle(forWritingTo: stdoutPath.map { URL(fileURLWithPath: $0) } ?? outURL)
  process.standardError = try FileHandle(forWritingTo: errURL)
  process.standardInput = try FileHandle(forReadingFrom: inURL)
  try process.run()
  let deadline = Date().addingTimeInterval(60)
  while process.isRunning && Date() < deadline { usleep(10_000) }
  if process.isRunning {
    process.terminate()
    Issue.record("tinq \(arguments) did not finish in time")
  }
  process.waitUntilExit()
  return ProcessResult(
    status: process.terminationStatus,
    stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
    stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
}

/// `PseudoTerminal` runs `tinq` on a real pseudo-terminal, as a person at a terminal would,
/// with every read bounded by a timeout.
final class PseudoTerminal {
  let master: Int32
  let pid: pid_t
  private(set) var bytes: [UInt8] = []
  private var searchFrom = 0

  init(arguments: [String] = [], environment: [String: String]) throws {
    let binary = try #require(TinqBinary.url, "the tinq executable was not built")
    var number: Int32 = 0
    let master = tinq_open_pseudo_terminal(&number)
    guard master >= 0 else { throw POSIXError(.EIO) }
    let slavePath = "/dev/pts/\(number)"
    _ = tinq_set_terminal_size(master, 100, 40)

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // After setsid the first terminal the child opens becomes its controlling terminal, so
    // Ctrl-C on the master reaches it as SIGINT.
    posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF: a new session, and
    // no signal blocked or ignored because the test runner had it so.
    posix_spawnattr_setflags(&attributes, Int16(0x80 | 0x08 | 0x04))
    var signals = sigset_t()
    sigemptyset(&signals)
    posix_spawnattr_setsigmask(&attributes, &signals)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)

    var env = ProcessInfo.processInfo.environment
    for key in env.keys where key == "LANG" || key.hasPrefix("LC_") { env[key] = nil }
    env["TERM"] = "xterm"
    env["NO_COLOR"] = "1"
    for (k, v) in environment { env[k] = v }
    let argv = ([binary.path] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, binary.path, &actions, &attributes, argv, envp)
    guard status == 0 else {
      close(master)
      throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO)
    }
    self.master = master
    self.pid = pid
  }

  deinit {
    kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    close(master)
  }

  /// `send(_:)` types text (control characters included).
  func send(_ text: String) {
    let data = Array(text.utf8)
    data.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let n = write(master, raw.baseAddress.map { $0 + offset }, raw.count - offset)
        if n <= 0 { break }
        offset += n
      }
    }
  }

  /// `pump(timeout:)` reads whatever arrives within `timeout` seconds; false at end of output.
  @discardableResult
  func pump(timeout: Double) -> Bool {
    var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    let ready = poll(&pfd, 1, Int32(timeout * 1000))
    guard ready > 0 else { return true }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let n = read(master, &buffer, buffer.count)
    guard n > 0 else { return false }
    bytes.append(contentsOf: buffer[0..<n])
    return true
  }

  /// The output so far with terminal escape sequences and carriage returns removed.
  var text: String { PseudoTerminal.plain(String(decoding: bytes, as: UTF8.self)) }

  /// `expect(_:timeout:)` waits until `needle` appears after the previous match.
  @discardableResult
  func expect(_ needle: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let current = text
      let start = current.index(current.startIndex, offsetBy: min(searchFrom, current.count))
      if let range = current.range(of: needle, range: start..<current.endIndex) {
        searchFrom = current.distance(from: current.startIndex, to: range.upperBound)
        return true
      }
      if Date() >= deadline || !pump(timeout: 0.1) {
        Issue.record("did not see \(needle.debugDescription) in:\n\(current)", sourceLocation: sourceLocation)
        return false
      }
    }
  }

  /// `waitForExit(timeout:)` returns the exit status, or nil if still running after `timeout`.
  func waitForExit(timeout: Double = 10) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      pump(timeout: 0.05)
      var status: Int32 = 0
      if waitpid(pid, &status, WNOHANG) == pid { return (status >> 8) & 0xFF }
    }
    return nil
  }

  static func plain(_ text: String) -> String {
    var out = ""
    var iterator = text.unicodeScalars.makeIterator()
    var scalars = String.UnicodeScalarView()
    while let s = iterator.next() {
      if s == "\u{1B}" {
        guard let next = iterator.next() else { break }
        if next == "[" {
          while let c = iterator.next(), !(c.value >= 0x40 && c.value <= 0x7E) {}
        }
        continue
      }
      if s == "\r" || s == "\u{07}" || s == "\u{08}" { continue }
      scalars.append(s)
    }
    out.unicodeScalars.append(contentsOf: scalars)
    return out
  }
}

/// `temporaryFolder()` makes an empty folder for one test.
func temporaryFolder() throws -> URL {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tinq-test-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  return dir
}

import Foundation
import Testing

/// The REPL driven through a real pseudo-terminal, with `LANG` and `LC_*` unset.
@Suite(.serialized) struct ReplTests {
  func start(history: URL) throws -> PseudoTerminal {
    let terminal = try PseudoTerminal(environment: ["TINQ_HISTORY": history.path])
    terminal.expect(".help for help")
    terminal.expect("tinq> ")
    return terminal
  }

  @Test func vietnameseTypedWithoutALocaleArrivesWhole() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let t = try start(history: dir.appendingPathComponent("history"))
    t.send("articles where mentions \"Nguyễn Tân Cương\" select id\r")
    t.expect("004_adcf2f97b390286b")
    t.expect("(2 rows)")
    t.send("articles where title contains \"quốc phòng\" select id\r")
    t.expect("004_adcf2f97b390286b")
    t.send(".quit\r")
    #expect(t.waitForExit() == 0)
  }

  @Test func tabCompletesAKeywordAndACitationNumber() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let t = try start(history: dir.appendingPathComponent("history"))
    t.send("cou\t")
    t.expect("count ")
    t.send("art\t")
    t.expect("count articles ")
    t.send("\r")
    t.expect("\n5\n")
    t.send("count articles where cites \"03/\t")
    t.expect("03/2019/NĐ-CP\"")
    t.send("\r")
    t.expect("\n4\n")
    t.send("count articles where mentions \"nguyen tan c\t")
    t.expect("\"Nguyễn Tân Cương\"")
    t.send("\r")
    t.expect("\n2\n")
    t.send(".exit\r")
    #expect(t.waitForExit() == 0)
  }

  @Test func aConcordanceIsTypedCompletedAndDrawn() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let t = try start(history: dir.appendingPathComponent("history"))
    t.send("kw\t")
    t.expect("kwic ")
    t.send("\"ma túy\" where source = \"CT\" sort by ri\t")
    t.expect("sort by right ")
    t.send("\r")
    t.expect("ma túy")
    t.expect("(1 line, in 1 article)")
    t.send("articles where contains \"ma tuy\" near \"bắt giữ\" within sentence order by relevance select id\r")
    t.expect("003_d538e3b866b5af87")
    t.expect("(2 rows)")
    t.send(".exit\r")
    #expect(t.waitForExit() == 0)
  }

  @Test func ctrlCAbandonsAHalfTypedLineAndTheREPLGoesOn() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let t = try start(history: dir.appendingPathComponent("history"))
    t.send("articles where ye")
    t.expect("articles where ye")
    t.send("\u{03}")
    t.expect("^C")
    t.expect("tinq> ")
    t.send("count articles where\r")
    t.expect("...> ")
    t.send("\u{03}")
    t.expect("tinq> ")
    t.send("count articles\r")
    t.expect("\n5\n")
    #expect(!t.text.contains("error"))
    t.expect("tinq> ")
    t.send("\u{04}")
    #expect(t.waitForExit() == 0)
  }

  @Test func ctrlCInterruptsARunningScriptAndReturnsToThePrompt() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("long.tinq")
    let statement = "count articles where year = 2021\n"
    try String(repeating: statement, count: 20_000).write(to: script, atomically: true, encoding: .utf8)
    let t = try start(history: dir.appendingPathComponent("history"))
    t.send(".read \(script.path)\r")
    t.expect("\n1\n1\n1\n")
    t.send("\u{03}")
    t.expect("Interrupted.", timeout: 10)
    t.expect("tinq> ")
    // The interruption is over: the next `.read` runs its script (issue #17, item 18).
    let short = dir.appendingPathComponent("short.tinq")
    try "count articles where cites \"03/2019/NĐ-CP\"\n".write(to: short, atomically: true, encoding: .utf8)
    t.send(".read \(short.path)\r")
    t.expect("\n4\n")
    t.expect("tinq> ")
    t.send("count articles\r")
    t.expect("\n5\n")
    #expect(t.text.components(separatedBy: "\n1\n").count < 15_000)
    t.send(".quit\r")
    #expect(t.waitForExit() == 0)
  }

  @Test func aMultiLineStatementContinuesThenRuns() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let t = try start(history: dir.appendingPathComponent("history"))
    t.send("count articles where\r")
    t.expect("  ...> ")
    t.send("year = 2022 and\r")
    t.expect("  ...> ")
    t.send("cites \"03/2019/NĐ-CP\"\r")
    t.expect("\n1\n")
    t.send("articles where year =\r")
    t.expect("  ...> ")
    t.send("\"x\"\r")
    t.expect("error")
    t.expect("tinq> ")
    t.send(".quit\r")
    #expect(t.waitForExit() == 0)
  }

  @Test func historySurvivesASecondRun() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let history = dir.appendingPathComponent("nested/state/history")
    do {
      let t = try start(history: history)
      t.send("count articles where\r")
      t.expect("...> ")
      t.send("year = 2021\r")
      t.expect("\n1\n")
      t.send("count articles where year = 2021\r")
      t.expect("\n1\n")
      t.send(".quit\r")
      #expect(t.waitForExit() == 0)
    }
    // libedit writes spaces in its history file as \040.
    let saved = try String(contentsOf: history, encoding: .utf8).replacingOccurrences(of: "\\040", with: " ")
    #expect(saved.contains("count articles where year = 2021"))
    // One entry for the multi-line statement and none for its repeat.
    let occurrences = saved.components(separatedBy: "year = 2021").count - 1
    #expect(occurrences == 1)
    let t = try start(history: history)
    t.send("\u{10}")  // Ctrl-P: the previous history entry, `.quit`
    t.expect(".quit")
    t.send("\u{10}")
    t.expect("count articles where year = 2021")
    t.send("\r")
    t.expect("\n1\n")
    t.send(".quit\r")
    #expect(t.waitForExit() == 0)
  }

  @Test func unwritableHistoryIsOneWarning() throws {
    let t = try start(history: URL(fileURLWithPath: "/proc/tinq-no-such-dir/history"))
    t.send("count articles\r")
    t.expect("\n5\n")
    t.send("count articles where year = 2022\r")
    t.expect("\n1\n")
    t.send(".quit\r")
    #expect(t.waitForExit() == 0)
    #expect(t.text.components(separatedBy: "warning:").count - 1 == 1)
  }

  /// With a home that does not exist, the REPL makes no folders for its history: it warns once
  /// and keeps history for the session.
  @Test func aMissingHomeGrowsNoFolders() throws {
    let missing = "/tmp/tinq-no-home-\(UUID().uuidString)"
    let t = try PseudoTerminal(environment: ["HOME": missing + "/deep", "TINQ_HISTORY": "", "XDG_STATE_HOME": ""])
    t.expect("tinq> ")
    t.send("count articles\r")
    t.expect("\n5\n")
    t.send(".quit\r")
    #expect(t.waitForExit() == 0)
    #expect(t.text.components(separatedBy: "warning:").count - 1 == 1)
    #expect(t.text.contains("history is kept for this session only"))
    #expect(!FileManager.default.fileExists(atPath: missing))
  }

  /// Loading a corpus on a terminal shows a progress line on stderr, erased before the banner;
  /// with stderr not a terminal, nothing extra is printed.
  @Test func loadingShowsProgressOnATerminalOnly() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("many.jsonl")
    try writeArticles(8_000, to: file)
    let t = try PseudoTerminal(
      arguments: ["--corpus", file.path], environment: ["TINQ_HISTORY": dir.appendingPathComponent("h").path])
    t.expect("tinq> ", timeout: 120)
    t.send("count articles\r")
    t.expect("\n8000\n")
    t.send(".quit\r")
    #expect(t.waitForExit() == 0)
    #expect(t.text.contains("loading: 0 of 1 file") || t.text.contains("loading: 1 of 1 file"), "\(t.text.prefix(300))")
    #expect(t.text.contains("articles, "))
    let piped = try runTinq(["--corpus", file.path, "-e", "count articles"])
    #expect(piped.stdout == "8000\n")
    #expect(!piped.stderr.contains("loading"))
  }

  /// Ctrl-C during `.load` abandons it and leaves the corpus as it was.
  @Test func ctrlCAbandonsALoad() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("many.jsonl")
    try writeArticles(30_000, to: file)
    let t = try start(history: dir.appendingPathComponent("history"))
    t.send(".load \(file.path)\r")
    usleep(700_000)
    t.send("\u{3}")
    t.expect("Interrupted; the corpus is as it was.", timeout: 60)
    t.send("count articles\r")
    t.expect("\n5\n")
    t.send(".quit\r")
    #expect(t.waitForExit() == 0)
    #expect(!t.text.contains("Loaded "))
  }

  /// Writes `count` short JSON Lines articles, ids `a0`, `a1`, ..., for tests that need a load
  /// long enough to watch or interrupt.
  func writeArticles(_ count: Int, to file: URL) throws {
    let line = #"{"id":"ID","body":"Công an tỉnh triển khai Nghị định số 03/2019/NĐ-CP về phối hợp phòng, chống ma túy. Ông Nguyễn Văn An, 45 tuổi, cho biết như vậy."}"#
    try (0..<count).map { line.replacingOccurrences(of: "ID", with: "a\($0)") + "\n" }.joined()
      .write(to: file, atomically: true, encoding: .utf8)
  }
}

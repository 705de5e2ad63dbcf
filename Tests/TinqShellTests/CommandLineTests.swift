import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// A tiny RFC 4180 reader, so CSV output is checked by parsing it back.
func readCSV(_ text: String) -> [[String]] {
  var rows: [[String]] = []
  var row: [String] = []
  var field = ""
  var quoted = false
  var pendingQuote = false
  for c in text {
    if quoted {
      if pendingQuote {
        pendingQuote = false
        if c == "\"" {
          field.append("\"")
          continue
        }
        quoted = false
      } else if c == "\"" {
        pendingQuote = true
        continue
      } else {
        field.append(c)
        continue
      }
    }
    switch c {
    case "\"": quoted = true
    case ",":
      row.append(field)
      field = ""
    case "\r\n", "\n":
      row.append(field)
      rows.append(row)
      row = []
      field = ""
    default: field.append(c)
    }
  }
  if !field.isEmpty || !row.isEmpty {
    row.append(field)
    rows.append(row)
  }
  return rows
}

/// `tinq` run as a process: exit codes, error positions and every output format.
@Suite struct CommandLineTests {
  @Test(arguments: [
    (["-e", "count articles"], Int32(0)),
    (["-e", "count articles where"], Int32(1)),
    (["-e", "articles wher year = 2020"], Int32(1)),
    (["--no-such-flag"], Int32(2)),
    (["--format", "yaml", "-e", "count articles"], Int32(2)),
    (["--corpus", "/nonexistent/tinq-corpus", "-e", "count articles"], Int32(2)),
    (["run", "/nonexistent/script.tinq"], Int32(2)),
    (["--version"], Int32(0)),
    (["--help"], Int32(0)),
  ])
  func exitCodes(arguments: [String], expected: Int32) throws {
    let result = try runTinq(arguments)
    #expect(result.status == expected, "stderr: \(result.stderr)")
  }

  @Test func helpShowsExamples() throws {
    let result = try runTinq(["--help"])
    #expect(result.stdout.contains("Examples:"))
    #expect(result.stdout.contains("tinq run"))
  }

  @Test func errorOnLineThreeOfAScriptIsReportedThereAndStopsTheScript() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("report.tinq")
    try "count articles\ncount articles where year = 2022\narticles where yeer = 2020\ncount articles where year = 2021\n"
      .write(to: script, atomically: true, encoding: .utf8)
    let result = try runTinq(["run", script.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("report.tinq:3:16: error:"), "\(result.stderr)")
    #expect(result.stderr.contains("articles where yeer = 2020"))
    #expect(result.stderr.contains("^"))
    #expect(result.stdout == "5\n1\n")

    let going = try runTinq(["run", "--keep-going", script.path])
    #expect(going.status == 1)
    #expect(going.stdout == "5\n1\n1\n")
  }

  /// A script that is not UTF-8 text (a binary file, a stray byte inside a string literal) is
  /// refused before anything runs, naming the first bad byte; nothing is half-run.
  static let notText: [(bytes: [UInt8], message: String)] = {
    let stray: [UInt8] = Array("count articles\narticles where contains \"ma ".utf8) + [0xFF, 0xFE] + Array(" tuy\"\n".utf8)
    let binary: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + [UInt8](repeating: 0x90, count: 200_000)
    let cut: [UInt8] = Array("count articles\n".utf8) + [0xE1, 0x80]
    return [
      (stray, "bad.tinq:2: error: not a text script: byte 0xFF, which is not UTF-8, at byte offset 43"),
      (binary, "bad.tinq:1: error: not a text script: a NUL byte at byte offset 7"),
      (cut, "bad.tinq:2: error: not a text script: byte 0xE1, which is not UTF-8, at byte offset 15"),
    ]
  }()

  @Test(arguments: notText)
  func aScriptThatIsNotTextIsRefusedAtOnce(bytes: [UInt8], message: String) throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("bad.tinq")
    try Data(bytes).write(to: script)
    let result = try runTinq(["run", script.path])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr == script.deletingLastPathComponent().path + "/" + message + "\n")
    let read = try runTinq([], stdin: ".read \(script.path)\ncount articles\n")
    #expect(read.stderr.contains("not a text script"))
  }

  /// Scripts are split and run in time linear in their length: thousands of lines that are not
  /// statements, or of `let`s, give their answer without re-reading what came before.
  @Test func longScriptsStayLinear() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let junk = dir.appendingPathComponent("junk.tinq")
    try String(repeating: "xxxx\n", count: 20_000).write(to: junk, atomically: true, encoding: .utf8)
    let bad = try runTinq(["run", junk.path])
    #expect(bad.status == 1)
    #expect(bad.stderr.hasPrefix(junk.path + ":1:1: error: unknown collection `xxxx`"))
    let lets = dir.appendingPathComponent("lets.tinq")
    try ((0..<20_000).map { "let x\($0) = \($0)\n" }.joined() + "count articles where year >= $x2020\n")
      .write(to: lets, atomically: true, encoding: .utf8)
    let bound = try runTinq(["run", lets.path])
    #expect(bound.status == 0)
    #expect(bound.stdout == "3\n")
  }

  /// `tinq test` runs every expectation of every file and reports each: plain, TAP or JUnit.
  @Test func testScriptsReportEachExpectation() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let facts = dir.appendingPathComponent("facts.tinq")
    try """
      -- facts about the seeds
      expect count articles where cites "03/2019/NĐ-CP" = 4
      expect count articles where cites "03/2019/NĐ-CP" = 3
      articles where year = 2021
      expect none articles where year > 2026
      articles wher year = 1

      """.write(to: facts, atomically: true, encoding: .utf8)
    let passing = dir.appendingPathComponent("passing.tinq")
    try "expect some people where name contains \"nguyen\"\n".write(to: passing, atomically: true, encoding: .utf8)

    let plain = try runTinq(["test", facts.path, passing.path])
    #expect(plain.status == 1)
    #expect(plain.stdout == "4 expectations, 1 failed, 1 statement in error\n")
    #expect(plain.stderr.contains(facts.path + ":3:1: expectation failed: expected 3, got 4\n    expect count articles"))
    #expect(plain.stderr.contains(facts.path + ":6:10: error:"))

    let ok = try runTinq(["test", passing.path])
    #expect(ok.status == 0)
    #expect(ok.stdout == "1 expectation, 0 failed\n")

    let tap = try runTinq(["test", "--report", "tap", facts.path])
    #expect(tap.status == 1)
    let lines = tap.stdout.split(separator: "\n").map(String.init)
    #expect(lines.prefix(2) == ["TAP version 13", "1..4"])
    #expect(lines.filter { $0.hasPrefix("ok ") }.count == 2)
    #expect(lines.filter { $0.hasPrefix("not ok ") }.count == 2)
    #expect(tap.stdout.contains("not ok 2 - " + facts.path + ":3:1: expect count articles where cites \"03/2019/NĐ-CP\" = 3"))
    #expect(tap.stderr == "")

    let junit = try runTinq(["test", "--report", "junit", facts.path, passing.path])
    #expect(junit.status == 1)
    #expect(junit.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tinq\" tests=\"5\" failures=\"1\" errors=\"1\">"))
    #expect(junit.stdout.components(separatedBy: "<testsuite ").count - 1 == 2)
    #expect(junit.stdout.contains("<failure message=\"expectation failed: expected 3, got 4\">"))
    let parser = XMLParser(data: Data(junit.stdout.utf8))
    #expect(parser.parse(), "JUnit XML must be well-formed")

    // In `tinq run`, a failed expectation stops the script like an error, positioned.
    let run = try runTinq(["run", facts.path])
    #expect(run.status == 1)
    #expect(run.stdout == "ok\n")
    #expect(run.stderr.hasPrefix(facts.path + ":3:1: expectation failed: expected 3, got 4\n"))
  }

  /// `cp tinq /usr/local/bin/` is the first thing many users do: the binary copied alone to
  /// another folder still has its default corpus.
  @Test func aCopiedBinaryKeepsItsSeeds() throws {
    let binary = try #require(TinqBinary.url, "the tinq executable was not built")
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let copy = dir.appendingPathComponent("tinq")
    try FileManager.default.copyItem(at: binary, to: copy)
    let process = Process()
    process.executableURL = copy
    process.arguments = ["-e", "count articles", "-e", "count articles where cites \"3/2019/nd-cp\"", "-e", ".corpus"]
    process.currentDirectoryURL = dir
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(stderr)")
    #expect(stdout.hasPrefix("5\n4\npaths:    (the bundled seeds)\n"), "\(stdout)")
  }

  @Test func statementsFromStdinAndDash() throws {
    let piped = try runTinq([], stdin: "count articles\ncount articles where year = 2021\n")
    #expect(piped.status == 0)
    #expect(piped.stdout == "5\n1\n")
    let dash = try runTinq(["run", "-"], stdin: ".mode json\ncount articles\n")
    #expect(dash.status == 0)
    #expect(dash.stdout == "{\n  \"count\": 5\n}\n")
  }

  @Test func timerPrintsRunTimeOnStderr() throws {
    let result = try runTinq(["--timer", "-e", "count articles"])
    #expect(result.stdout == "5\n")
    let line = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
    #expect(line.wholeMatch(of: /Run Time: real \d+\.\d{6}/) != nil, "\(result.stderr)")
    let script = try runTinq(["run", "-"], stdin: "count articles\n.timer on\ncount articles\n")
    #expect(script.stderr.components(separatedBy: "Run Time: real").count - 1 == 1)
  }

  /// A failed write (a full disk) is an error: exit 2 on the command line, with a message.
  @Test func aFailedWriteIsAnError() throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    let result = try runTinq(["-e", "count articles"], stdoutPath: "/dev/full")
    #expect(result.status == 2)
    #expect(result.stderr.contains("cannot write the output"), "\(result.stderr)")
    let script = try runTinq(["run", "-"], stdin: ".output /dev/full\ncount articles\n")
    #expect(script.status == 1)
    #expect(script.stderr.contains("cannot write the output"), "\(script.stderr)")
  }

  @Test func jsonIsWellFormed() throws {
    let result = try runTinq(["--format", "json", "-e", "articles order by id"])
    #expect(result.status == 0)
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(rows.count == 5)
    #expect(rows.first?["id"] as? String == "000_d0844a13450a2335")
    #expect(rows.first?["date"] as? String == "2020-01-15")
    #expect(rows.first?["year"] as? Int == 2020)
    #expect(rows.first?["citations"] is [Any])
    let grouped = try runTinq(["--format", "json", "-e", "count articles by year"])
    let groups = try #require(try JSONSerialization.jsonObject(with: Data(grouped.stdout.utf8)) as? [[String: Any]])
    #expect(groups.contains { $0["year"] as? Int == 2022 && $0["count"] as? Int == 1 })
  }

  @Test func jsonLinesAreOneObjectPerLine() throws {
    let result = try runTinq(["--format", "jsonl", "-e", "articles"])
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 5)
    for line in lines {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(object?["id"] is String)
    }
  }

  @Test func csvParsesBack() throws {
    let result = try runTinq(["--format", "csv", "-e", "articles order by id select id, title, people"])
    #expect(result.status == 0)
    let rows = readCSV(result.stdout)
    #expect(rows.count == 6)
    #expect(rows.first == ["id", "title", "people"])
    #expect(rows.allSatisfy { $0.count == 3 })
    #expect(rows[1][1] == "Nâng cao hiệu quả công tác phối hợp, đảm bảo an ninh quốc gia, an toàn xã hội")
  }

  @Test func markdownAndTableAreWellFormed() throws {
    let markdown = try runTinq(["--format", "markdown", "-e", "articles select id, title"])
    let lines = markdown.stdout.split(separator: "\n")
    #expect(lines.count == 7)
    #expect(lines.allSatisfy { $0.hasPrefix("|") && $0.hasSuffix("|") })
    let table = try runTinq(["-e", "articles select id, title"])
    #expect(table.stdout.hasSuffix("(5 rows)\n"))
    #expect(!table.stdout.contains("\u{1B}["))
  }

  @Test func corpusWarningsGoToStderrWithoutChangingTheExitCode() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "{\"id\": \"a\", \"body\": \"Nghị định số 03/2019/NĐ-CP\"}\n{not json\n"
      .write(to: dir.appendingPathComponent("c.jsonl"), atomically: true, encoding: .utf8)
    let result = try runTinq(["--corpus", dir.path, "-e", "count articles"])
    #expect(result.status == 0)
    #expect(result.stdout == "1\n")
    #expect(result.stderr.contains("c.jsonl:2"))
  }
}

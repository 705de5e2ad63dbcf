import Foundation
import Testing
import Tinq
import TinqShell

@Suite struct MetaCommandTests {
  @Test(arguments: [
    (".help", MetaCommand.help),
    (".mode json", .mode(.json)),
    (".mode CSV", .mode(.csv)),
    (".timer on", .timer(true)),
    (".timer off", .timer(false)),
    (".read \"my script.tinq\"", .read("my script.tinq")),
    (".output out.txt", .output("out.txt")),
    (".output", .output(nil)),
    (".corpus", .corpus),
    (".schema", .schema),
    (".load /data/more.jsonl", .load("/data/more.jsonl")),
    (".quit", .quit),
    ("  .exit", .quit),
  ])
  func parses(line: String, expected: MetaCommand) throws {
    #expect(try MetaCommand.parse(line).get() == expected)
  }

  @Test(arguments: [".mode yaml", ".timer maybe", ".read", ".frobnicate", ".help me", ".load a b"])
  func rejects(line: String) {
    #expect(throws: MetaCommandError.self) { try MetaCommand.parse(line).get() }
  }

  @Test func unknownCommandSuggestsANearOne() throws {
    guard case .failure(let error) = MetaCommand.parse(".tim on") else {
      Issue.record("accepted .tim")
      return
    }
    #expect(error.message.contains(".timer"))
  }

  @Test func scriptsSplitIntoStatementsAndMetaCommands() {
    let script = """
      count articles
      .mode json

      articles
        where year = 2020
        order by date
      count articles where
        year = 2021
      .timer on
      """
    #expect(
      ScriptPiece.split(script) == [
        .statements("count articles", line: 1),
        .meta(".mode json", line: 2),
        .statements("articles\n  where year = 2020\n  order by date", line: 4),
        .statements("count articles where\n  year = 2021", line: 7),
        .meta(".timer on", line: 9),
      ])
  }

  @Test func metaCommandsChangeTheShell() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let outPath = dir.appendingPathComponent("out.txt").path
    let errPath = dir.appendingPathComponent("err.txt").path
    let sink = try #require(TextOutput.open(path: errPath))
    let corpus = try Corpus.bundledSeeds()
    var shell = Shell(session: Session(corpus: corpus), options: ShellOptions(), errors: sink)
    let first = shell.runScript(".mode jsonl\n.output \(outPath)\ncount articles\n.output\n.timer on\n", file: "t")
    #expect(first)
    #expect(shell.options.format == .jsonl)
    #expect(shell.options.timer)
    #expect(try String(contentsOfFile: outPath, encoding: .utf8) == "{\"count\":5}\n")
    let read = shell.runScript(".read /nonexistent/x.tinq", file: "t")
    let load = shell.runScript(".load /nonexistent/corpus", file: "t")
    #expect(!read && !load)
    #expect(shell.session.corpus.articleCount == 5)
    // A script that reads itself stops at the nesting limit instead of recursing forever.
    let loop = dir.appendingPathComponent("loop.tinq").path
    try ".read \(loop)\n".write(toFile: loop, atomically: true, encoding: .utf8)
    let looped = shell.runScript(".read \(loop)", file: "t")
    #expect(!looped)
    let errors = try String(contentsOfFile: errPath, encoding: .utf8)
    #expect(errors.contains("nested more than"))
    #expect(errors.contains("cannot read /nonexistent/x.tinq"))
  }

  @Test func schemaListsEveryCollectionAndField() {
    let text = Shell.schemaText()
    for word in ["articles", "citations", "people", "organizations", "issuer", "list of text"] {
      #expect(text.contains(word))
    }
  }

  @Test(arguments: [
    (["TINQ_HISTORY": "/a/h", "XDG_STATE_HOME": "/x", "HOME": "/home/u"], "/a/h"),
    (["XDG_STATE_HOME": "/x", "HOME": "/home/u"], "/x/tinq/history"),
    (["HOME": "/home/u"], "/home/u/.local/state/tinq/history"),
    ([String: String](), nil),
  ])
  func historyPath(environment: [String: String], expected: String?) {
    #expect(Repl.defaultHistoryPath(environment: environment) == expected)
  }
}

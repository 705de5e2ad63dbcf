import Foundation
import Testing
import Tinq
import TinqShell

/// `tinq build`, `--corpus FILE.tinq`, and the REPL's `.save`, `.open` and `.corpus`.
@Suite struct SnapshotCommandTests {
  static func writeArticles(_ dir: URL) throws -> URL {
    let folder = dir.appendingPathComponent("bài báo")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try "Tiêu đề một\n\nNgày 3/4/2022, Bộ Công an triển khai Nghị định số 03/2019/NĐ-CP.\n"
      .write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try "Tiêu đề hai\n\nThượng tướng Trần Văn Bình kiểm tra công tác phòng cháy năm 2023.\n"
      .write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
    return folder
  }

  @Test func buildThenOpenAnswersAsTheFolderDoes() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let folder = try Self.writeArticles(dir)
    let snapshot = dir.appendingPathComponent("news.tinq").path
    let built = try runTinq(["build", folder.path, "-o", snapshot])
    #expect(built.status == 0, "\(built.stderr)")
    // Quiet when not on a terminal.
    #expect(built.stderr.isEmpty)
    let queries = ["-e", "count articles where cites \"3/2019/nd-cp\"", "-e", "people", "--format", "json"]
    let fromSnapshot = try runTinq(["--corpus", snapshot] + queries)
    let fromFolder = try runTinq(["--corpus", folder.path] + queries)
    #expect(fromSnapshot.status == 0)
    #expect(fromSnapshot.stdout == fromFolder.stdout)
    #expect(fromSnapshot.stderr.isEmpty)

    // A changed source is one line on stderr; the answers come from the snapshot.
    try "Tiêu đề ba\n\nBài mới.\n".write(to: folder.appendingPathComponent("c.txt"), atomically: true, encoding: .utf8)
    let stale = try runTinq(["--corpus", snapshot, "-e", "count articles"])
    #expect(stale.status == 0)
    #expect(stale.stdout.contains("2"))
    #expect(stale.stderr.contains("1 new, 0 changed, 0 removed files"))
    #expect(stale.stderr.split(separator: "\n").count == 1)
  }

  @Test(arguments: [
    (["build", "/nonexistent/tinq-corpus", "-o", "OUT"], Int32(2), "no such file"),
    (["build", "SEEDS"], Int32(2), "Missing expected argument '--output"),
    (["--corpus", "BAD"], Int32(2), "is not a Tinq snapshot"),
    (["--corpus", "TRUNCATED", "-e", "count articles"], Int32(2), "truncated"),
    (["--corpus", "GOOD", "--corpus", "SEEDS", "-e", "count articles"], Int32(2), "open it alone"),
  ])
  func badSnapshotsAndBuildsExitWithTwo(arguments: [String], status: Int32, message: String) throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let folder = try Self.writeArticles(dir)
    let good = dir.appendingPathComponent("good.tinq").path
    #expect(try runTinq(["build", folder.path, "-o", good]).status == 0)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
    let truncated = dir.appendingPathComponent("truncated.tinq").path
    try bytes.prefix(bytes.count - 7).write(to: URL(fileURLWithPath: truncated))
    let bad = dir.appendingPathComponent("bad.tinq").path
    try Data("count articles by year\n".utf8)
      .write(to: URL(fileURLWithPath: bad))
    let substituted = arguments.map {
      switch $0 {
      case "OUT": dir.appendingPathComponent("out.tinq").path
      case "SEEDS": folder.path
      case "BAD": bad
      case "TRUNCATED": truncated
      case "GOOD": good
      default: $0
      }
    }
    let result = try runTinq(substituted)
    #expect(result.status == status, "\(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
    // A failed build leaves nothing behind.
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.tinq").path))
  }

  @Test func replSavesOpensAndDescribesASnapshot() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let snapshot = dir.appendingPathComponent("seeds.tinq").path
    let outPath = dir.appendingPathComponent("out.txt").path
    let errPath = dir.appendingPathComponent("err.txt").path
    var shell = Shell(
      session: Session(corpus: try Corpus.bundledSeeds()), options: ShellOptions(),
      output: try #require(TextOutput.open(path: outPath)), errors: try #require(TextOutput.open(path: errPath)))
    let ran = shell.runScript(".save \(snapshot)\n.open \(snapshot)\n.corpus\ncount articles\n", file: "t")
    #expect(ran)
    #expect(shell.session.corpus.snapshot?.path == snapshot)
    let out = try String(contentsOfFile: outPath, encoding: .utf8)
    #expect(out.contains("Saved 5 articles to \(snapshot)."))
    #expect(out.contains("Opened \(snapshot): 5 articles."))
    #expect(out.contains("snapshot: \(snapshot), written "))
    #expect(out.contains("sources:  unchanged since it was written"))
    // A bad file is an error at its line and the corpus stays as it was.
    let opened = shell.runScript(".open \(dir.path)/none.tinq", file: "t")
    let saved = shell.runScript(".save /nonexistent/folder/x.tinq", file: "t")
    #expect(!opened && !saved)
    #expect(shell.session.corpus.snapshot?.path == snapshot)
    let errors = try String(contentsOfFile: errPath, encoding: .utf8)
    #expect(errors.contains("t:1: error:"))
  }
}

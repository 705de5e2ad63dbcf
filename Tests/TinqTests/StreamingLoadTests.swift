import Foundation
import Testing
import Tinq
import TinqCorpus
import TinqStore

/// A corpus indexed while it loads (each complete segment indexed in the background as batches
/// arrive, bodies freed as they go) must answer
/// exactly as one built in a single pass from the same articles.
@Suite struct StreamingLoadTests {
  @Test func streamingBuildMatchesOnePassBuild() throws {
    let seedDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("seeds")
    let names = try FileManager.default.contentsOfDirectory(atPath: seedDir.path).filter { $0.hasSuffix(".txt") }.sorted()
    let seeds = try names.map { try String(contentsOf: seedDir.appendingPathComponent($0), encoding: .utf8) }
    #expect(seeds.count == 5)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tinq-stream-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    // 4,500 articles of about 2 KB: several read chunks, four complete 1,024-article segments
    // indexed in the background, then a tail.
    var lines: [String] = []
    for i in 0..<4_500 {
      let body = String(seeds[i % seeds.count].prefix(2000)) + "\n\nBài số \(i)."
      let json = try JSONSerialization.data(withJSONObject: ["id": "a\(i)", "body": body])
      lines.append(String(decoding: json, as: UTF8.self))
    }
    let file = dir.appendingPathComponent("c.jsonl")
    try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)

    let streamed = try Corpus.load(paths: [file.path])
    let onePass = Corpus(articles: try CorpusLoader.load(paths: [file.path]).articles)
    #expect(streamed.articleCount == 4_500)
    for query in [
      "count articles where contains \"ma túy\"", "count articles where contains \"Bài số 4499\"",
      "count articles where cites \"03/2019/NĐ-CP\"", "count articles by year",
      "articles where contains \"Bài số 4097\" select id, body", "count articles where mentions \"nguyen tan cuong\"",
    ] {
      #expect(try streamed.query(query) == onePass.query(query), "\(query)")
    }
    for i in [0, 1023, 1024, 4095, 4096, 4499] {
      #expect(streamed.store.body(of: i) == onePass.store.body(of: i))
    }
  }
}

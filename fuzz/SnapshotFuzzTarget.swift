// The libFuzzer entry point for the snapshot reader: every input is written to a file and opened
// as a snapshot twice, as it is and with its checksums recomputed (`SnapshotFile.reseal`), so that
// damage reaches the structural checks behind the checksums. When a store opens, a few queries run
// on it. A crash, a trap or a hang is a finding; a refused file is not.
import Foundation
import TinqEngine
import TinqStore
import TinqSyntax

/// The scratch file each input is written to, removed at exit.
let scratchFile: String = {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("tinq-snapshot-fuzz-\(UUID().uuidString).tinq").path
  atexit { try? FileManager.default.removeItem(atPath: scratchFile) }
  return path
}()

let statements: [CheckedStatement] = [
  "count articles by year", "articles where contains \"an ninh\" select id, title, snippet",
  "kwic \"ma túy\" sort by right limit 5", "people", "citations", "articles where cites \"3/2019/nd-cp\"",
  "articles order by title limit 3", "ngrams 2 limit 3", "collocates of \"an ninh\" limit 3",
].compactMap { try? Checker.check(Parser.parseStatement($0), bindings: [:]) }

@_cdecl("LLVMFuzzerTestOneInput")
public func snapshotFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var bytes = Array(UnsafeBufferPointer(start: data, count: size))
  for reseal in [false, true] {
    if reseal { SnapshotFile.reseal(&bytes) }
    guard FileManager.default.createFile(atPath: scratchFile, contents: Data(bytes)) else {
      fatalError("cannot write the scratch file")
    }
    guard let file = try? SnapshotFile.Mapped(path: scratchFile), let store = try? ArticleStore(snapshot: file) else {
      continue
    }
    let backend = MemoryBackend(store: store)
    for statement in statements { _ = try? backend.run(statement, cancellation: nil) }
    for ordinal in 0..<min(store.count, 8) { _ = store.article(ordinal) }
  }
  return 0
}

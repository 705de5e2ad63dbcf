import Foundation

/// `SeedCorpus` holds the seed articles, Tinq's default corpus, compiled into the binary by the
/// `EmbedSeeds` build plugin from the `.txt` files beside this one: a `tinq` copied alone to any
/// folder still has them.
public enum SeedCorpus {
  /// The seed articles: file name (`000_d0844a13450a2335.txt`, ...) and text, in name order.
  public static let files: [(name: String, text: String)] = EmbeddedSeeds.files.compactMap { file in
    guard let data = Data(base64Encoded: file.base64) else { return nil }
    return (file.name, String(decoding: data, as: UTF8.self))
  }
}

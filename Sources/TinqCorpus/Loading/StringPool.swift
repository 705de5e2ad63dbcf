import Foundation
import Synchronization

/// `StringPool` makes equal strings share one buffer. A corpus repeats the same names, ranks,
/// positions, organisations, rules and excerpts in article after article; interning them as each
/// article is extracted keeps one copy of each, and frees the duplicates at once, while the heap
/// can still reuse their space.
final class StringPool: Sendable {
  private let pool = Mutex(Set<Key>())

  /// `Key` compares and hashes a string by its UTF-8 bytes: hashing a String proper normalises it
  /// first, which cost more than extracting the strings did. Equal bytes are equal strings, so a
  /// pooled copy is always the very same text.
  struct Key: Hashable, Sendable {
    var string: String

    func hash(into hasher: inout Hasher) {
      var s = string
      s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (a: Key, b: Key) -> Bool {
      var x = a.string
      var y = b.string
      return x.withUTF8 { xb in
        y.withUTF8 { yb in
          guard xb.count == yb.count, let pa = xb.baseAddress, let pb = yb.baseAddress else { return xb.count == yb.count }
          return memcmp(pa, pb, xb.count) == 0
        }
      }
    }
  }

  /// `intern(_:)` returns the pooled copy of `s`. Strings short enough to be stored inline (15
  /// UTF-8 bytes) have no buffer to share and are returned as they are.
  func intern(_ s: String) -> String {
    if s.utf8.count <= 15 { return s }
    var key = Key(string: s)
    // A native, contiguous copy hashes without bridging.
    key.string.makeContiguousUTF8()
    return pool.withLock { set in set.insert(key).memberAfterInsert.string }
  }

  func intern(_ s: String?) -> String? { s.map { intern($0) } }

  func intern(_ p: Provenance) -> Provenance {
    Provenance(rule: intern(p.rule), line: p.line, excerpt: intern(p.excerpt))
  }

  /// `intern(_:)` pools every repeated string of an article (not its id, title or body).
  func intern(_ a: inout Article) {
    a.source = intern(a.source)
    a.author = intern(a.author)
    for key in a.provenance.keys {
      if let p = a.provenance[key] { a.provenance[key] = intern(p) }
    }
    for i in a.citations.indices {
      a.citations[i].type = intern(a.citations[i].type)
      a.citations[i].number = intern(a.citations[i].number)
      a.citations[i].issuer = intern(a.citations[i].issuer)
      a.citations[i].provenance = intern(a.citations[i].provenance)
    }
    for i in a.people.indices {
      a.people[i].name = intern(a.people[i].name)
      a.people[i].rank = intern(a.people[i].rank)
      a.people[i].positions = a.people[i].positions.map { intern($0) }
      a.people[i].provenance = intern(a.people[i].provenance)
    }
    for i in a.organizations.indices {
      a.organizations[i].name = intern(a.organizations[i].name)
      a.organizations[i].abbreviation = intern(a.organizations[i].abbreviation)
      a.organizations[i].provenance = intern(a.organizations[i].provenance)
    }
  }
}

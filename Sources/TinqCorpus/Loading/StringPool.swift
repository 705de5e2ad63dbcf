import Foundation
import Synchronization
import TinqText

/// `StringPool` makes equal strings share one buffer. A corpus repeats the same names, ranks,
/// positions, organisations, rules and excerpts in article after article; interning them as each
/// article is extracted keeps one copy of each, and frees the duplicates at once, while the heap
/// can still reuse their space.
final class StringPool: Sendable {
  private let pool = Mutex(Set<UTF8Key>())

  /// `intern(_:)` returns the pooled copy of `s`. Strings short enough to be stored inline (15
  /// UTF-8 bytes) have no buffer to share and are returned as they are.
  func intern(_ s: String) -> String {
    if s.utf8.count <= 15 { return s }
    let key = UTF8Key(s)
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

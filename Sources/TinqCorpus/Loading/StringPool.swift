import Foundation
import TinqText
import TinqExtraction
import TinqFacts
import TinqStore
import TinqSupport

/// `StringPool` makes equal strings share one buffer. A corpus repeats the same names, ranks,
/// positions, organisations, rules and excerpts in article after article; interning them as each
/// article is extracted keeps one copy of each, and frees the duplicates at once, while the heap
/// can still reuse their space.
///
/// Each worker interns a whole article into a set of its own, taken from the pool and given back,
/// so interning takes no lock per string and two workers never contend for one set; a string
/// may have one copy per set (per core), not one per article.
final class StringPool: Sendable {
  private let sets = Reusable<Set<UTF8Key>> { [] }

  /// `Interner` is one worker's set, for the length of one article.
  struct Interner {
    var set: Set<UTF8Key>

    /// `intern(_:)` returns the pooled copy of `s`. Strings short enough to be stored inline (15
    /// UTF-8 bytes) have no buffer to share and are returned as they are.
    mutating func intern(_ s: String) -> String {
      if s.utf8.count <= 15 { return s }
      return set.insert(UTF8Key(s)).memberAfterInsert.string
    }

    mutating func intern(_ s: String?) -> String? { s.map { intern($0) } }

    mutating func intern(_ p: Provenance) -> Provenance {
      Provenance(rule: intern(p.rule), line: p.line, excerpt: intern(p.excerpt))
    }
  }

  /// `intern(_:)` pools every repeated string of an article (not its id, title or body).
  func intern(_ a: inout Article) {
    var pool = Interner(set: sets.take())
    defer { sets.give(pool.set) }
    a.source = pool.intern(a.source)
    a.author = pool.intern(a.author)
    for key in a.provenance.keys {
      if let p = a.provenance[key] { a.provenance[key] = pool.intern(p) }
    }
    for i in a.citations.indices {
      a.citations[i].type = pool.intern(a.citations[i].type)
      a.citations[i].number = pool.intern(a.citations[i].number)
      a.citations[i].issuer = pool.intern(a.citations[i].issuer)
      a.citations[i].provenance = pool.intern(a.citations[i].provenance)
    }
    for i in a.people.indices {
      a.people[i].name = pool.intern(a.people[i].name)
      a.people[i].rank = pool.intern(a.people[i].rank)
      a.people[i].positions = a.people[i].positions.map { pool.intern($0) }
      a.people[i].provenance = pool.intern(a.people[i].provenance)
    }
    for i in a.organizations.indices {
      a.organizations[i].name = pool.intern(a.organizations[i].name)
      a.organizations[i].abbreviation = pool.intern(a.organizations[i].abbreviation)
      a.organizations[i].provenance = pool.intern(a.organizations[i].provenance)
    }
  }
}

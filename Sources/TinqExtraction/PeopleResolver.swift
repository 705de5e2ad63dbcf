import TinqText
import TinqFacts
import TinqSupport

/// `PeopleResolver` uses the corpus as evidence for names that one article alone leaves in doubt:
/// `Phạm Thành` standing bare in one article is a person when another article of the corpus names
/// `Phạm Thành` with a rank, a title, a role or in full. Places never qualify: extraction never
/// names a listed place a person, so no place is in the evidence.
public enum PeopleResolver {
  /// The rule `People.extract` gives a foreign surname standing alone (`Moyes`).
  static let loneSurnameRule = "surname"

  /// The rule `People.extract` gives two given names standing alone (`Bảo Anh`).
  static let givenPairRule = "given names"

  /// The rules of the people `resolve(_:)` adds: no other step gives them.
  static let confirmedNameRule = "name (known in corpus)"
  static let confirmedSurnameRule = "surname (known in corpus)"
  static let confirmedPairRule = "given names (known in corpus)"
  static let confirmedRules: Set<String> = [confirmedNameRule, confirmedSurnameRule, confirmedPairRule]

  /// `isCued(_:)` tells whether a rule found the person right after a rank or a role that
  /// announces one (`ca sĩ`, `tiền vệ`, `Thượng tá`). Not a kinship word: ordinary people named so
  /// (`chị Thu Hà`) share their given names with shops and firms. Not a position, whose body may
  /// be what follows (`Tổng biên tập Thanh Niên`), nor an apposition, whose name may be a source or
  /// a place before a comma (`Theo Dân Việt, Chủ tịch ...`).
  static func isCued(_ p: PersonMention) -> Bool {
    let rule = p.provenance.rule
    if rule == "role and words" || rule.hasPrefix("rank ") { return true }
    guard rule == "person cue", p.provenance.excerpt.hasSuffix(p.name) else { return false }
    var cue = p.provenance.excerpt.dropLast(p.name.count)
    while cue.last == " " { cue = cue.dropLast() }
    return !kinCues.contains(cue.lowercased())
  }
  static let kinCues = Set(Names.kinWords.map { $0.lowercased() })

  /// `resolve(_:)` adds to each article the candidate names that the corpus knows as people, and
  /// clears the candidates.
  ///
  /// It runs once over the whole corpus after loading, on one thread, so it reads names as bytes:
  /// splitting a `String` at spaces walks grapheme clusters, and hashing a `Substring` normalises
  /// it, which over every name of a large corpus cost more than extracting them did.
  public static func resolve(_ articles: inout [Article]) {
    var known: Set<UTF8Key> = []
    // The lone surnames proposed anywhere: only their evidence is gathered. (The passes read the
    // articles in place: copying an article out of the array retains every field.)
    var proposed: Set<UTF8Key> = []
    // Two given names standing alone (`Bảo Anh`): only their evidence is gathered, the number of
    // articles that name them after a word that announces a person (`ca sĩ Bảo Anh`).
    var proposedPairs: Set<UTF8Key> = []
    for index in articles.indices {
      for c in articles[index].nameCandidates {
        if c.provenance.rule == loneSurnameRule {
          proposed.insert(UTF8Key(c.name))
        } else if c.provenance.rule == givenPairRule {
          proposedPairs.insert(UTF8Key(c.name))
        }
      }
    }
    var pairArticles: [UTF8Key: Int] = [:]
    if !proposedPairs.isEmpty {
      for index in articles.indices {
        var counted: [UTF8Key] = []
        let people = articles[index].people
        for k in people.indices {
          let key = UTF8Key(people[k].name)
          guard proposedPairs.contains(key), !counted.contains(key), isCued(people[k]) else { continue }
          counted.append(key)
          pairArticles[key, default: 0] += 1
        }
      }
    }
    // Foreign surnames: the last word of names a foreign first word opens (`David Moyes`), and a
    // single word found as a person after a cue (`HLV Moyes`), by the number of articles that name
    // them so; and every word of an organisation's name (`Ford`).
    // A lone surname is a capital and three to fourteen small Latin letters, so no other word can
    // be one and none is looked up.
    var surnameArticles: [UTF8Key: Int] = [:]
    let vietnameseFamilyNames = Set(People.surnameNames.map { UTF8Key($0) })
    for index in articles.indices {
      var surnames: [UTF8Key] = []
      let people = articles[index].people
      for k in people.indices {
        let name = people[k].name
        guard name.utf8.contains(0x20) else {
          // A foreigner named by one word after a rank, a title or a role (`tiền đạo Neymar`,
          // `Tổng thống Obama`) is evidence for the same word standing alone elsewhere.
          let key: UTF8Key? = Self.withBytes(name) { b in Self.surnameShaped(b[...]) }
          if let key, proposed.contains(key), !surnames.contains(key) { surnames.append(key) }
          continue
        }
        known.insert(UTF8Key(name))
        guard !proposed.isEmpty else { continue }
        let key: UTF8Key? = Self.withBytes(name) { b in
          guard let (first, last) = Self.firstAndLastWords(b), let key = Self.surnameShaped(last),
            proposed.contains(key),
            !vietnameseFamilyNames.contains(UTF8Key(String(decoding: first, as: UTF8.self)))
          else { return nil }
          return key
        }
        if let key, !surnames.contains(key) { surnames.append(key) }
      }
      for s in surnames { surnameArticles[s, default: 0] += 1 }
    }
    // Organisations' words matter only for surnames two articles give.
    let evidenced = Set(surnameArticles.filter { $0.value >= 2 }.keys)
    var orgWords: Set<UTF8Key> = []
    func collectOrgWords(_ text: String) {
      Self.withBytes(text) { b in
        Self.forEachWord(b) { word in
          if let key = Self.surnameShaped(word), evidenced.contains(key) { orgWords.insert(key) }
        }
      }
    }
    if !evidenced.isEmpty {
      for index in articles.indices {
        let organizations = articles[index].organizations
        for k in organizations.indices {
          collectOrgWords(organizations[k].name)
          if let a = organizations[k].abbreviation { collectOrgWords(a) }
        }
      }
    }
    for index in articles.indices where !articles[index].nameCandidates.isEmpty {
      var article = articles[index]
      let named = article.people
      var have = Set(named.map { UTF8Key($0.name) })
      // The last words of the names the article gives, made only when a lone surname needs them.
      var lastWords: Set<UTF8Key>? = nil
      for c in article.nameCandidates {
        if c.provenance.rule == loneSurnameRule {
          // Known as the surname of a foreigner in two articles or more, never part of a body's
          // name, and not the short form of a person this article names in full.
          let key = UTF8Key(c.name)
          guard surnameArticles[key, default: 0] >= 2, !orgWords.contains(key) else { continue }
          if lastWords == nil {
            lastWords = Set(
              named.compactMap { p in
                Self.withBytes(p.name) { b in Self.lastWord(b).map { UTF8Key(String(decoding: $0, as: UTF8.self)) } }
              })
          }
          guard !(lastWords?.contains(key) ?? false), have.insert(key).inserted else { continue }
          var p = c
          p.provenance.rule = confirmedSurnameRule
          article.people.append(p)
        } else if c.provenance.rule == givenPairRule {
          // Named after a cue in two other articles or more: `ca sĩ Bảo Anh`, `người mẫu Bảo Anh`.
          let key = UTF8Key(c.name)
          guard pairArticles[key, default: 0] >= 2, have.insert(key).inserted else { continue }
          var p = c
          p.provenance.rule = confirmedPairRule
          article.people.append(p)
        } else if known.contains(UTF8Key(c.name)) && have.insert(UTF8Key(c.name)).inserted {
          var p = c
          p.provenance.rule = confirmedNameRule
          article.people.append(p)
        }
      }
      article.nameCandidates = []
      articles[index] = article
    }
  }

  typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

  /// `withBytes(_:_:)` reads the UTF-8 of `s` in place (a native string needs no copy).
  static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
    return Array(s.utf8).withUnsafeBufferPointer(body)
  }

  /// `surnameShaped(_:)` keys `word` when it has a lone surname's shape: a capital and three to
  /// fourteen small Latin letters (`Moyes`); nil for any other word, without making a string.
  static func surnameShaped(_ word: Bytes) -> UTF8Key? {
    guard word.count >= 4, word.count <= 15, let first = word.first, first >= 0x41, first <= 0x5A,
      word.dropFirst().allSatisfy({ $0 >= 0x61 && $0 <= 0x7A })
    else { return nil }
    return UTF8Key(String(decoding: word, as: UTF8.self))
  }

  /// `forEachWord(_:_:)` calls `body` with each part of `b` between spaces (none empty).
  static func forEachWord(_ b: UnsafeBufferPointer<UInt8>, _ body: (Bytes) -> Void) {
    var i = 0
    while i < b.count {
      while i < b.count, b[i] == 0x20 { i += 1 }
      guard i < b.count else { return }
      var j = i
      while j < b.count, b[j] != 0x20 { j += 1 }
      body(b[i..<j])
      i = j
    }
  }

  /// `firstAndLastWords(_:)` returns the first and the last part of `b` between spaces, when it
  /// has two parts or more (as `split(separator: " ")` gives them, without walking characters).
  static func firstAndLastWords(_ b: UnsafeBufferPointer<UInt8>) -> (Bytes, Bytes)? {
    guard let start = b.firstIndex(where: { $0 != 0x20 }), let last = b.lastIndex(where: { $0 != 0x20 }),
      let firstSpace = b[start...last].firstIndex(of: 0x20), let lastSpace = b[start...last].lastIndex(of: 0x20)
    else { return nil }
    return (b[start..<firstSpace], b[(lastSpace + 1)...last])
  }

  /// `lastWord(_:)` returns the last part of `b` between spaces, or nil when it has none.
  static func lastWord(_ b: UnsafeBufferPointer<UInt8>) -> Bytes? {
    guard let last = b.lastIndex(where: { $0 != 0x20 }) else { return nil }
    let start = b[...last].lastIndex(of: 0x20).map { $0 + 1 } ?? 0
    return b[start...last]
  }
}

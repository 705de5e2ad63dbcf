import TinqSupport

import TinqText

// `contains "a" near "b"`: the index gives the candidates (articles holding both) and the
// positions; one rule (`Proximity.holds`) decides, for the index's positions and for a text read
// row by row alike.

extension Proximity {
  /// `holds(_:_:lengths:unit:)` tells whether an occurrence of the first phrase (starts `a`,
  /// `lengths.0` syllables) and one of the second (starts `b`) stand near enough in one part of an
  /// article. `unit(s)` is the sentence or paragraph of syllable `s`, for those spans.
  func holds(_ a: [Int], _ b: [Int], lengths: (Int, Int), unit: (Int) -> Int) -> Bool {
    guard !a.isEmpty, !b.isEmpty else { return false }
    switch span {
    case .syllables(let n):
      // Syllables strictly between the two (overlapping occurrences are not near, they are one).
      for x in a {
        for y in b {
          if y >= x + lengths.0, y - (x + lengths.0) <= n { return true }
          if !ordered, x >= y + lengths.1, x - (y + lengths.1) <= n { return true }
        }
      }
      return false
    case .sentence, .paragraph:
      for x in a {
        for y in b where unit(x) == unit(y) {
          if !ordered || y >= x + lengths.0 { return true }
        }
      }
      return false
    }
  }
}

extension SyllableText {
  /// `units(paragraphs:)` numbers each syllable's sentence (or paragraph): a new one starts where
  /// `opensSentence` says (or after a line break).
  func units(paragraphs: Bool, upTo end: Int? = nil) -> [Int] {
    var out: [Int] = []
    let end = min(syllables, end ?? syllables)
    out.reserveCapacity(end)
    var unit = 0
    for s in 0..<end {
      if s > 0 {
        let opens = paragraphs ? endsParagraph(s - 1) : opensSentence(s)
        if opens { unit += 1 }
      }
      out.append(unit)
    }
    return out
  }

  /// `starts(of:)` is every syllable at which `phrase` starts, matching folded syllables.
  func starts(of phrase: Phrase) -> [Int] {
    phrase.starts(inSyllables: (0..<syllables).map { syllable($0) })
  }
}

extension ArticleStore {
  /// `articles(with:near:proximity:within:)` is the articles of `within` whose title or body
  /// holds the two phrases near each other: candidates from both phrases' documents, then their
  /// positions decide (and, for a sentence or paragraph, the body's separators).
  public func articles(with a: Phrase, near b: Phrase, proximity: Proximity, within: DocSet) -> DocSet {
    var candidates = fullText.documents(containing: a, within: within)
    candidates = fullText.documents(containing: b, within: candidates)
    var result = DocSet(universe: count)
    guard !candidates.isEmpty else { return result }
    let first = fullText.occurrences(of: a, within: candidates)
    let second = fullText.occurrences(of: b, within: candidates)
    let lengths = (a.bareKeys.count, b.bareKeys.count)
    let memo = PieceMemo(table: bodies.pieces)
    var i = 0
    var j = 0
    while i < first.count, j < second.count {
      let article = first[i].article
      if second[j].article < article {
        j += 1
        continue
      }
      if second[j].article > article {
        while i < first.count, first[i].article == article { i += 1 }
        continue
      }
      var xs: [Int] = []
      var ys: [Int] = []
      while i < first.count, first[i].article == article {
        xs.append(first[i].position)
        i += 1
      }
      while j < second.count, second[j].article == article {
        ys.append(second[j].position)
        j += 1
      }
      let title = fullText.titleSyllables(of: article)
      // The title and the body are apart: each is tested alone.
      let titleHolds = proximity.holds(
        xs.filter { $0 < title }, ys.filter { $0 < title }, lengths: lengths, unit: { _ in 0 })
      if titleHolds {
        result.insert(article)
        continue
      }
      let bx = xs.filter { $0 > title }.map { $0 - title - 1 }
      let by = ys.filter { $0 > title }.map { $0 - title - 1 }
      guard !bx.isEmpty, !by.isEmpty else { continue }
      let units: [Int]
      let last = max(bx.max() ?? 0, by.max() ?? 0) + 1
      switch proximity.span {
      case .syllables: units = []
      case .sentence:
        units = bodies.text(of: article, offsets: false, memo: memo, limit: last + 1).units(paragraphs: false, upTo: last)
      case .paragraph:
        units = bodies.text(of: article, offsets: false, memo: memo, limit: last + 1).units(paragraphs: true, upTo: last)
      }
      if proximity.holds(bx, by, lengths: lengths, unit: { $0 < units.count ? units[$0] : -1 }) {
        result.insert(article)
      }
    }
    return result
  }

  /// `textHolds(_:near:proximity:title:body:)` is the same test read from an article's text,
  /// for rows no index answers and for the tests' reference.
  public static func textHolds(_ a: Phrase, near b: Phrase, proximity: Proximity, title: String?, body: String) -> Bool {
    let lengths = (a.bareKeys.count, b.bareKeys.count)
    for (text, isTitle) in [(title ?? "", true), (body, false)] {
      let part = PartText(text)
      let units = isTitle ? [] : part.units(paragraphs: proximity.span == .paragraph)
      if proximity.holds(part.starts(of: a), part.starts(of: b), lengths: lengths, unit: { isTitle ? 0 : units[$0] }) {
        return true
      }
    }
    return false
  }
}

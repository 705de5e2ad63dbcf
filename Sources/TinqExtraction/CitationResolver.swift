import TinqText
import TinqFacts
import TinqSupport

/// `CitationResolver` turns short references into full numbers when that is unambiguous: first
/// within the article, then across the corpus. A short reference keeps `isPartial` when several
/// documents fit or none does: it is never dropped and never guessed.
public enum CitationResolver {
  /// `Key` groups documents that a short reference could mean: the same type and number value.
  struct Key: Hashable {
    /// By bytes: types come from extraction (NFC).
    var type: UTF8Key
    var value: Int
  }

  /// `resolve(_:)` resolves short references to a full number when the article itself, else the
  /// corpus, makes it unambiguous; otherwise they stay partial (`isPartial` = true).
  public static func resolve(_ articles: inout [Article]) {
    var corpus: [Key: [Citation]] = [:]
    for index in articles.indices {
      for c in articles[index].citations where !c.isPartial {
        guard let key = key(c) else { continue }
        if !(corpus[key]?.contains(where: { $0.number == c.number }) ?? false) { corpus[key, default: []].append(c) }
      }
    }
    for index in articles.indices where articles[index].citations.contains(where: \.isPartial) {
      var citations = articles[index].citations
      resolveWithin(&citations)
      for k in citations.indices where citations[k].isPartial {
        guard let key = key(citations[k]), let candidates = corpus[key] else { continue }
        let fitting = candidates.filter { fits(citations[k], $0) }
        if fitting.count == 1, let full = fitting.first { citations[k] = resolved(citations[k], by: full, scope: "corpus") }
      }
      articles[index].citations = Citations.deduplicated(citations)
    }
  }

  /// `resolveWithin(_:)` resolves short references against the full citations of the same article.
  static func resolveWithin(_ citations: inout [Citation]) {
    let full = citations.filter { !$0.isPartial }
    guard !full.isEmpty else { return }
    for k in citations.indices where citations[k].isPartial {
      guard let key = key(citations[k]) else { continue }
      var fitting: [Citation] = []
      for f in full where Self.key(f) == key && fits(citations[k], f) && !fitting.contains(where: { $0.number == f.number }) {
        fitting.append(f)
      }
      if fitting.count == 1, let f = fitting.first { citations[k] = resolved(citations[k], by: f, scope: "article") }
    }
  }

  /// `mergeShortWithin(_:)` folds a bare short reference (`Thông tư 02`) into the one fuller
  /// partial reference of the same article that it fits (`Thông tư 02/2013`), so one document is
  /// listed once; with two or more that fit, it stays as it is.
  static func mergeShortWithin(_ citations: inout [Citation]) {
    for k in citations.indices where citations[k].isPartial && citations[k].year == nil && !citations[k].number.contains("/") {
      guard let key = key(citations[k]) else { continue }
      let fuller = citations.filter {
        $0.isPartial && $0.number != citations[k].number && Self.key($0) == key && fits(citations[k], $0)
      }
      if fuller.count == 1, let f = fuller.first {
        citations[k] = resolved(citations[k], by: f, scope: "article")
        citations[k].isPartial = true
      }
    }
    // `Thông tư liên tịch 06` named first, then `Thông tư 06`: the short name of the one joint
    // circular of that number, when the article cites no other circular of it.
    for k in citations.indices where citations[k].type == circular && citations[k].isPartial && citations[k].year == nil {
      guard let value = key(citations[k])?.value, !citations[k].number.contains("/") else { continue }
      let joint = citations.filter { $0.type == jointCircular && key($0)?.value == value && fits(citations[k], $0) }
      let others = citations.filter { $0.type == circular && key($0)?.value == value && $0.number != citations[k].number }
      if joint.count == 1, others.isEmpty, let f = joint.first {
        let partial = f.isPartial
        citations[k] = resolved(citations[k], by: f, scope: "article")
        citations[k].isPartial = partial
      }
    }
  }
  static let circular = "Thông tư"
  static let jointCircular = "Thông tư liên tịch"

  static func key(_ c: Citation) -> Key? {
    guard let type = c.type else { return nil }
    let digits = c.number.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 9, let value = Int(digits) else { return nil }
    return Key(type: UTF8Key(type), value: value)
  }

  /// `fits(_:_:)` checks what the short reference does say: a year, a symbol `03/NĐ-CP`.
  static func fits(_ partial: Citation, _ full: Citation) -> Bool {
    if let y = partial.year, full.year != y { return false }
    // A joint document's issuers are all named in its code: `TTLT-BCA-BQP` is the Bộ Công an's too.
    if let i = partial.issuer, full.issuer != i, !(full.issuer ?? "").split(separator: "-").contains(Substring(i)) {
      return false
    }
    if let slash = partial.number.firstIndex(of: "/") {
      let symbol = partial.number[partial.number.index(after: slash)...]
      // `77/2010` says only the year, which was checked above.
      if !symbol.allSatisfy(\.isNumber), !full.number.hasSuffix("/" + symbol) { return false }
    }
    return true
  }

  static func resolved(_ partial: Citation, by full: Citation, scope: String) -> Citation {
    var c = full
    c.isPartial = false
    c.provenance = Provenance(
      rule: partial.provenance.rule + " (resolved in " + scope + ")", line: partial.provenance.line,
      excerpt: partial.provenance.excerpt)
    return c
  }
}

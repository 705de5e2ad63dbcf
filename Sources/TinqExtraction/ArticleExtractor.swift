import TinqText
import TinqFacts
import TinqSupport

/// `ArticleMetadata` holds the fields a JSON Lines record gives beside the body; each one, when
/// present, wins over what extraction would find.
public struct ArticleMetadata: Sendable, Hashable {
  /// The headline.
  public var title: String?
  /// The date as written in the record (ISO or a Vietnamese form).
  public var date: String?
  /// The outlet.
  public var source: String?
  /// The author.
  public var author: String?
  /// The URL.
  public var url: String?

  /// `init(title:date:source:author:url:)` makes metadata; every field is optional.
  public init(title: String? = nil, date: String? = nil, source: String? = nil, author: String? = nil, url: String? = nil) {
    self.title = title
    self.date = date
    self.source = source
    self.author = author
    self.url = url
  }
}

/// `ArticleExtractor` turns one article's raw text into an `Article`: it normalises the text, sets
/// aside headline, dateline and scraper residue, then runs each rule over what is left.
public enum ArticleExtractor {
  /// The most text the rules read at once (see `Layout.batches`): over ten times the longest
  /// article of the real corpora (150 KB).
  package static let batchBytes = 2 << 20
  /// `extract(text:id:origin:metadata:)` extracts everything from one article's raw text; fields in
  /// `metadata` win over extraction, which fills what is missing.
  public static func extract(text: String, id: String, origin: String?, metadata: ArticleMetadata = .init()) -> Article {
    extract(normalized: TextNormalizer.normalizedBytes(text), id: id, origin: origin, metadata: metadata)
  }

  /// `completing(_:)` returns an article made in memory with what extraction finds in its text,
  /// when it carries no extracted facts of its own (no citations, people, organisations or
  /// provenance): its title, date, source, author and URL win, as a JSON Lines record's do, and
  /// extraction fills the rest from `title + "\n\n" + body`. An article that carries facts keeps
  /// them: the caller's facts are not second-guessed; only its texts are normalised (see
  /// `TextNormalizer`), as every text is at the door: title, body, and the names, ranks,
  /// positions, abbreviations and numbers of its facts, so that an NFD name is the same person
  /// as its NFC form.
  public static func completing(_ article: Article) -> Article {
    guard article.citations.isEmpty, article.people.isEmpty, article.organizations.isEmpty,
      article.provenance.isEmpty
    else {
      let n = TextNormalizer.normalize
      var kept = article
      kept.body = n(article.body)
      kept.title = article.title.map(n)
      for i in kept.people.indices {
        kept.people[i].name = n(kept.people[i].name)
        kept.people[i].rank = kept.people[i].rank.map(n)
        kept.people[i].positions = kept.people[i].positions.map(n)
      }
      for i in kept.organizations.indices {
        kept.organizations[i].name = n(kept.organizations[i].name)
        kept.organizations[i].abbreviation = kept.organizations[i].abbreviation.map(n)
      }
      for i in kept.citations.indices {
        kept.citations[i].number = n(kept.citations[i].number)
        kept.citations[i].type = kept.citations[i].type.map(n)
        kept.citations[i].issuer = kept.citations[i].issuer.map(n)
      }
      return kept
    }
    let metadata = ArticleMetadata(
      title: article.title, date: article.date?.description, source: article.source, author: article.author,
      url: article.url)
    return extract(text: article.body, id: article.id, origin: article.origin, metadata: metadata)
  }

  /// `extract(utf8:id:origin:metadata:)` is `extract(text:…)` for a body held as valid UTF-8.
  package static func extract(utf8: [UInt8], id: String, origin: String?, metadata: ArticleMetadata = .init()) -> Article {
    extract(normalized: TextNormalizer.normalizedBytes(utf8: utf8), id: id, origin: origin, metadata: metadata)
  }

  /// `batchBytes` bounds the text the rules read at once (tests make it small, to check that the
  /// facts do not depend on it).
  package static func extract(
    normalized: [UInt8], id: String, origin: String?, metadata: ArticleMetadata, batchBytes: Int = batchBytes
  ) -> Article {
    func clean(_ s: String?) -> String? {
      guard let s else { return nil }
      let t = TextNormalizer.normalize(s).trimmingSpaces
      return t.isEmpty ? nil : t
    }
    // A record that gives its own title keeps every line of its body: none is taken for a headline.
    let givenTitle = clean(metadata.title)
    let layout = Layout(bytes: normalized, findsHeadline: givenTitle == nil)
    var provenance: [String: Provenance] = [:]
    var article = Article(id: id, body: layout.body, origin: origin)

    if let t = layout.titleLine {
      article.title = t.text
      provenance["title"] = Provenance(rule: "headline", line: t.number, excerpt: t.text)
    }
    // The rules read the content a batch of lines at a time, so a huge text (a whole site dumped
    // on one line) never holds every word at once; any article of real news is one batch.
    let batches = layout.batches(maxBytes: batchBytes)
    let first = layout.lines(batches[0])
    let last = batches.count > 1 ? layout.lines(batches[batches.count - 1]) : []
    // The lead is the first content line; an outlet marker there names the source.
    var leadSkip: (line: Int, words: Int)? = nil
    if let lead = first.first, let marker = Sources.outletMarker(in: lead) {
      article.source = marker.source
      provenance["source"] = Provenance(rule: "outlet marker", line: lead.number, excerpt: lead.excerpt(0, 0))
      leadSkip = (lead.number, marker.words)
    }
    // Bylines sit at the top or the bottom: over several batches, the first and the last are read.
    let bylines = Bylines.find(first + last)
    if let author = bylines.author {
      article.author = author
      provenance["author"] = bylines.provenance
    }
    let title = layout.titleLine.map { [$0] } ?? []
    var inText = Dates.InTextDate(leadSkip: leadSkip, tracksYears: batches.count > 1)
    var citations: [Citation] = []
    var people: [PersonMention] = []
    var organizations: [OrganizationMention] = []
    for k in batches.indices {
      let lines = k == 0 ? first : k == batches.count - 1 ? last : layout.lines(batches[k])
      let storyLines = lines.filter { !bylines.reporterLines.contains($0.number) }
      if layout.dateline == nil { inText.read(storyLines) }
      citations += Citations.extract(k == 0 ? title + lines : lines)
      People.merge(
        People.extract(
          k == 0 ? title + storyLines : storyLines, skipping: bylines.reporterLines,
          candidates: &article.nameCandidates),
        into: &people)
      Organizations.merge(Organizations.extract(k == 0 ? title + lines : lines), into: &organizations)
    }
    if let found = layout.dateline {
      article.date = found.date
      provenance["date"] = Provenance(rule: "dateline", line: found.line.number, excerpt: found.line.text)
    } else if let (date, p) = inText.result {
      article.date = date
      provenance["date"] = p
    }
    CitationResolver.resolveWithin(&citations)
    CitationResolver.mergeShortWithin(&citations)
    article.citations = Citations.deduplicated(citations)
    article.people = People.withoutFirmNames(people, organizations: organizations)
    article.organizations = organizations

    // Metadata wins.
    if let t = givenTitle {
      article.title = t
      provenance["title"] = Provenance(rule: "jsonl", excerpt: t)
    }
    if let raw = clean(metadata.date), let d = Dates.parseMetadata(raw) {
      article.date = d
      provenance["date"] = Provenance(rule: "jsonl", excerpt: raw)
    }
    if let s = clean(metadata.source) {
      article.source = s
      provenance["source"] = Provenance(rule: "jsonl", excerpt: s)
    }
    if let a = clean(metadata.author) {
      article.author = a
      provenance["author"] = Provenance(rule: "jsonl", excerpt: a)
    }
    if let u = clean(metadata.url) { article.url = u }
    article.provenance = provenance
    return article
  }
}

/// `PartialDate` is a calendar date known to the precision the text gave: a year, a month of a
/// year, or a day.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// How much of the date is known.
  public enum Precision: Int, Sendable, Comparable {
    case year = 1, month = 2, day = 3
    public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
  }

  /// The year, e.g. 2021.
  public var year: Int
  /// The month 1–12, when known.
  public var month: Int?
  /// The day of the month, when known (only with a month).
  public var day: Int?

  /// `init(year:month:day:)` makes a date; pass nil for what is not known.
  public init(year: Int, month: Int? = nil, day: Int? = nil) {
    self.year = year
    self.month = month
    self.day = month == nil ? nil : day
  }

  /// `init?(iso:)` parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the calendar.
  public init?(iso: String) {
    let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
      let y = Int(parts[0]), parts[0].count == 4
    else { return nil }
    var m: Int? = nil
    var d: Int? = nil
    if parts.count >= 2 {
      guard let mm = Int(parts[1]), (1...12).contains(mm), parts[1].count <= 2 else { return nil }
      m = mm
    }
    if parts.count == 3 {
      guard let dd = Int(parts[2]), let mm = m, parts[2].count <= 2,
        dd >= 1, dd <= PartialDate.daysIn(month: mm, year: y)
      else { return nil }
      d = dd
    }
    self.init(year: y, month: m, day: d)
  }

  /// The precision of this date.
  public var precision: Precision { day != nil ? .day : (month != nil ? .month : .year) }

  /// The date truncated to `precision` (never made more precise).
  public func truncated(to precision: Precision) -> PartialDate {
    switch precision {
    case .year: return PartialDate(year: year)
    case .month: return PartialDate(year: year, month: month)
    case .day: return self
    }
  }

  /// The ISO form to the known precision: `2020-01-15`, `2021-06` or `2021`.
  public var description: String {
    var s = String(year)
    if let m = month { s += "-" + (m < 10 ? "0" : "") + String(m) }
    if let d = day { s += "-" + (d < 10 ? "0" : "") + String(d) }
    return s
  }

  /// A single number that orders dates, unknown parts counting as 0 (so a year sorts before its days).
  public var ordinal: Int { year * 10_000 + (month ?? 0) * 100 + (day ?? 0) }

  public static func < (a: PartialDate, b: PartialDate) -> Bool { a.ordinal < b.ordinal }

  /// `init(ordinal:)` is the date an `ordinal` was made from, for a year from 0 on and a month
  /// and day in range (nil otherwise: a month 13 or a day 45 would read as another date).
  public init?(ordinal: Int) {
    let month = ordinal / 100 % 100
    let day = ordinal % 100
    guard ordinal >= 0, month <= 12, day <= 31 else { return nil }
    self.init(year: ordinal / 10_000, month: month == 0 ? nil : month, day: day == 0 ? nil : day)
  }

  /// `daysIn(month:year:)` returns the length of a month in the Gregorian calendar.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}

/// `Provenance` says where an extracted value came from: the rule that found it, the 1-based
/// line of the (normalised) article text, and the words it was read from.
public struct Provenance: Sendable, Hashable {
  /// The rule, e.g. `dateline`, `in-text date`, `byline`, `jsonl`.
  public var rule: String
  /// The 1-based line in the normalised article text, when the value came from the text.
  public var line: Int?
  /// The text the value was read from.
  public var excerpt: String

  /// `init(rule:line:excerpt:)` makes a provenance record.
  public init(rule: String, line: Int? = nil, excerpt: String = "") {
    self.rule = rule
    self.line = line
    self.excerpt = excerpt
  }
}

/// `Citation` is a legal document an article cites.
public struct Citation: Sendable, Hashable {
  /// The document type in full (`Nghị định`, `Nghị quyết`, `Quyết định`, `Chỉ thị`, `Thông tư`,
  /// `Luật`, `Kết luận`, ...), when known.
  public var type: String?
  /// The canonical number (`03/2019/NĐ-CP`, `51-NQ/TW`, `77/QĐ-UBND`), or for a partial
  /// citation what the text gave (`03`, `03/NĐ-CP`).
  public var number: String
  /// The issuer code (`CP`, `TW`, `UBND`), when known.
  public var issuer: String?
  /// The year in the number, when it has one.
  public var year: Int?
  /// True when the text gave only a short reference that could not be resolved to a full number.
  public var isPartial: Bool
  /// Where the citation was found.
  public var provenance: Provenance

  /// `init(type:number:issuer:year:isPartial:provenance:)` makes a citation.
  public init(
    type: String?, number: String, issuer: String?, year: Int?, isPartial: Bool = false,
    provenance: Provenance = Provenance(rule: "")
  ) {
    self.type = type
    self.number = number
    self.issuer = issuer
    self.year = year
    self.isPartial = isPartial
    self.provenance = provenance
  }
}

/// `PersonMention` is a named person in one article, with the rank and positions written there.
public struct PersonMention: Sendable, Hashable {
  /// The full name as written, e.g. `Nguyễn Tân Cương`.
  public var name: String
  /// The rank in this article (`Thượng tướng`), when given.
  public var rank: String?
  /// The positions in this article, as written.
  public var positions: [String]
  /// Where the mention was found.
  public var provenance: Provenance

  /// `init(name:rank:positions:provenance:)` makes a mention.
  public init(name: String, rank: String? = nil, positions: [String] = [], provenance: Provenance = Provenance(rule: "")) {
    self.name = name
    self.rank = rank
    self.positions = positions
    self.provenance = provenance
  }
}

/// `OrganizationMention` is an organisation named in one article, by its full name.
public struct OrganizationMention: Sendable, Hashable {
  /// The full name, e.g. `Bộ Công an`.
  public var name: String
  /// The common abbreviation, e.g. `BCA`, when there is one.
  public var abbreviation: String?
  /// Where the mention was found.
  public var provenance: Provenance

  /// `init(name:abbreviation:provenance:)` makes a mention.
  public init(name: String, abbreviation: String? = nil, provenance: Provenance = Provenance(rule: "")) {
    self.name = name
    self.abbreviation = abbreviation
    self.provenance = provenance
  }
}

/// `Article` is one news article with what ingestion extracted from it. Unknown values are nil:
/// extraction never guesses.
public struct Article: Sendable, Hashable {
  /// The id: a file name without extension, a JSONL `id`, else `file:line`.
  public var id: String
  /// The headline, when the text has one.
  public var title: String?
  /// The publication date to the precision found.
  public var date: PartialDate?
  /// The outlet marker, e.g. `CT` or `BDK`.
  public var source: String?
  /// The byline or signature.
  public var author: String?
  /// The URL, from JSONL metadata.
  public var url: String?
  /// The article text without title, dateline and scraper residue.
  public var body: String
  /// Legal documents cited.
  public var citations: [Citation]
  /// Named persons.
  public var people: [PersonMention]
  /// Named organisations.
  public var organizations: [OrganizationMention]
  /// Where each scalar field (`title`, `date`, `source`, `author`) came from.
  public var provenance: [String: Provenance]
  /// The file (or `file:line`) the article was read from; nil for articles built in memory.
  public var origin: String?
  /// Names that extraction could not tell from other capitalised words on this article's evidence
  /// alone (a family name and one more word, no age, no title); `PeopleResolver` keeps those the
  /// corpus names elsewhere with a rank, title or role, and clears the list.
  package var nameCandidates: [PersonMention] = []

  /// The year of `date`, when known.
  public var year: Int? { date?.year }

  /// `init(...)` makes an article; everything but `id` and `body` is optional.
  public init(
    id: String, title: String? = nil, date: PartialDate? = nil, source: String? = nil, author: String? = nil,
    url: String? = nil, body: String, citations: [Citation] = [], people: [PersonMention] = [],
    organizations: [OrganizationMention] = [], provenance: [String: Provenance] = [:], origin: String? = nil
  ) {
    self.id = id
    self.title = title
    self.date = date
    self.source = source
    self.author = author
    self.url = url
    self.body = body
    self.citations = citations
    self.people = people
    self.organizations = organizations
    self.provenance = provenance
    self.origin = origin
  }
}

// `tinq-bench extraction`: how well extraction holds on real text, against three sources of truth.

import ArgumentParser
import Foundation
import Tinq
import TinqCorpus
import TinqExtraction
import TinqStore
import TinqSupport
import TinqText

/// `ExtractionBench` measures extraction on the real corpora: publishers' metadata (stripped, then
/// compared), and the hand-annotated sample in `bench/annotations/truth.jsonl`, by split.
struct ExtractionBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extraction",
    abstract: "Measure extraction on real corpora: coverage, precision and recall per field.")

  @Option(help: "Folder of real corpora (*.jsonl).") var corpora: String = "../shared/corpora"
  @Option(help: "Hand-annotated truth (JSON Lines).") var truth: String = "bench/annotations/truth.jsonl"
  @Option(help: "Hand-annotated citations of a second sample (JSON Lines).")
  var citationTruth: String = "bench/annotations/citations-truth.jsonl"
  @Option(help: "Examples of each kind of error to print.") var examples: Int = 5
  @Option(
    help: ArgumentHelp(
      "Print the hand-annotated examples of this half only (dev or test); the other half's figures are still given.",
      valueName: "split"))
  var examplesOf: String?
  @Flag(help: "Print the report as JSON.") var json = false
  @Option(
    help: ArgumentHelp(
      "Write every person extracted from the corpora (id, name, rule, excerpt; tab-separated) to this file, leaving out the test half's articles, to compare rules across the whole corpora.",
      valueName: "path"))
  var dumpPeople: String?
  @Option(
    help: ArgumentHelp(
      "Write every organisation extracted from the corpora (id, name, abbreviation, rule, excerpt; tab-separated) to this file, leaving out the test half's articles.",
      valueName: "path"))
  var dumpOrganizations: String?

  func validate() throws {
    if let split = examplesOf, split != "dev", split != "test" {
      throw ValidationError("--examples-of takes dev or test, not \(split)")
    }
  }

  /// `examples(of:)` is how many examples of each error to print for the annotated half `split`.
  func examples(of split: String) -> Int {
    examplesOf.map { $0 == split ? examples : 0 } ?? examples
  }

  func run() throws {
    let records = try RealRecord.load(folder: corpora)
    guard !records.isEmpty else { throw ValidationError("no *.jsonl records under \(corpora)") }
    var report = ExtractionReport()
    // Every record is extracted as a scraper's text; then each corpus file is taken as a whole for
    // the names it knows, as loading does. Citations are judged on each article's own text, as the
    // annotators read it: what the corpus resolves beyond that is counted apart.
    var articles = Parallel.map(records.count) { records[$0].extracted() }
    for corpus in Set(records.map(\.corpus)) {
      let indexes = records.indices.filter { records[$0].corpus == corpus }
      var group = indexes.map { articles[$0] }
      PeopleResolver.resolve(&group)
      let partial = group.reduce(0) { $0 + $1.citations.filter(\.isPartial).count }
      var resolved = group
      CitationResolver.resolve(&resolved)
      let left = resolved.reduce(0) { $0 + $1.citations.filter(\.isPartial).count }
      report.corpusResolution[corpus] = CorpusResolution(partial: partial, resolved: partial - left)
      for (k, index) in indexes.enumerated() { articles[index] = group[k] }
    }
    report.metadata = MetadataTruth.measure(records, articles, examples: examples)
    if dumpPeople != nil || dumpOrganizations != nil {
      let held =
        FileManager.default.fileExists(atPath: truth)
        ? Set(try Annotation.load(path: truth).filter { $0.split == "test" }.map(\.id)) : []
      func cell(_ s: String) -> String { s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
      if let dumpPeople {
        var out = ""
        for (record, article) in zip(records, articles) where !held.contains(record.id) {
          for p in article.people {
            out += "\(record.id)\t\(p.name)\t\(p.provenance.rule)\t\(cell(p.provenance.excerpt))\n"
          }
        }
        try writeOutput(out, to: dumpPeople)
      }
      if let dumpOrganizations {
        var out = ""
        for (record, article) in zip(records, articles) where !held.contains(record.id) {
          for o in article.organizations {
            out += "\(record.id)\t\(o.name)\t\(o.abbreviation ?? "")\t\(o.provenance.rule)\t\(cell(o.provenance.excerpt))\n"
          }
        }
        try writeOutput(out, to: dumpOrganizations)
      }
    }
    var byId: [String: (RealRecord, Article)] = [:]
    for (record, article) in zip(records, articles) where byId[record.id] == nil { byId[record.id] = (record, article) }
    if FileManager.default.fileExists(atPath: truth) {
      let annotations = try Annotation.load(path: truth)
      for split in ["dev", "test"] {
        let chosen = annotations.filter { $0.split == split }
        report.annotated[split] = AnnotatedTruth.measure(chosen, records: byId, examples: examples(of: split))
      }
    }
    if FileManager.default.fileExists(atPath: citationTruth) {
      let annotations = try Annotation.load(path: citationTruth)
      for split in ["dev", "test"] {
        let chosen = annotations.filter { $0.split == split }
        let fields = AnnotatedTruth.measure(chosen, records: byId, examples: examples(of: split))
        report.citationSample[split] = fields["citations"]
      }
    }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      FileHandle.standardOutput.write(try encoder.encode(report))
      print()
    } else {
      print(report.rendered())
    }
  }
}

/// One record of a real corpus, with its publisher's metadata kept aside as truth.
struct RealRecord: Sendable {
  /// The corpus file the record comes from.
  var corpus: String
  var id: String
  var title: String?
  var date: String?
  var source: String?
  var author: String?
  var body: String

  /// The text as a scraper without metadata would see it: headline, blank line, body.
  var strippedText: String { (title.map { $0 + "\n\n" } ?? "") + body }

  func extracted() -> Article {
    ArticleExtractor.extract(text: strippedText, id: id, origin: nil)
  }

  static func load(folder: String) throws -> [RealRecord] {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jsonl") }.sorted()
    var out: [RealRecord] = []
    for name in names {
      let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
      for line in data.split(separator: 0x0A) where !line.isEmpty {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
          let id = object["id"] as? String, let body = object["body"] as? String
        else { continue }
        out.append(
          RealRecord(
            corpus: name, id: id, title: object["title"] as? String, date: object["date"] as? String,
            source: object["source"] as? String, author: object["author"] as? String, body: body))
      }
    }
    return out
  }
}

/// A count of items judged, and examples of each kind of error.
struct FieldScore: Codable, Sendable {
  /// Items the truth has (for recall).
  var truth = 0
  /// Items extraction gave (for precision).
  var given = 0
  /// Given items that the truth confirms.
  var correct = 0
  /// Truth items that extraction found.
  var found = 0
  /// Articles in scope, and those with a value given (for coverage).
  var articles = 0
  var articlesGiven = 0
  var falsePositives: [String] = []
  var falseNegatives: [String] = []

  var precision: Double? { given == 0 ? nil : Double(correct) / Double(given) }
  var recall: Double? { truth == 0 ? nil : Double(found) / Double(truth) }
  var coverage: Double? { articles == 0 ? nil : Double(articlesGiven) / Double(articles) }

  /// `compare(_:_:id:limit:same:)` scores one article's value against the publisher's, when the
  /// publisher gives one.
  mutating func compare(_ truth: String?, _ got: String?, id: String, limit: Int, same: (String, String) -> Bool) {
    guard let truth, !truth.isEmpty else { return }
    articles += 1
    self.truth += 1
    guard let got else { return }
    articlesGiven += 1
    given += 1
    if same(truth, got) {
      correct += 1
      found += 1
    } else {
      note(falsePositive: "\(id): \(got.prefix(60)) for \(truth.prefix(60))", limit: limit)
    }
  }

  mutating func note(falsePositive s: String, limit: Int) {
    if falsePositives.count < limit { falsePositives.append(s) }
  }
  mutating func note(falseNegative s: String, limit: Int) {
    if falseNegatives.count < limit { falseNegatives.append(s) }
  }
}

struct ExtractionReport: Codable, Sendable {
  var metadata: [String: FieldScore] = [:]
  var annotated: [String: [String: FieldScore]] = [:]
  var citationSample: [String: FieldScore] = [:]
  var corpusResolution: [String: CorpusResolution] = [:]

  func rendered() -> String {
    var out = "Extraction on real text (publishers' metadata stripped, then compared)\n\n"
    out += table(metadata, order: ["year", "month", "day", "title", "source"])
    for split in ["dev", "test"] {
      guard let fields = annotated[split] else { continue }
      let n = fields["year"]?.articles ?? 0
      out += "\nHand-annotated sample, \(split) half (\(n) articles)\n\n"
      out += table(fields, order: ["year", "people", "people (full names)", "ranks", "citations", "organizations"])
    }
    if !citationSample.isEmpty {
      let counts = ["dev", "test"].compactMap { split in citationSample[split].map { "\($0.articles) \(split)" } }
      out += "\nCitation sample (\(counts.joined(separator: ", ")) articles that name a numbered document)\n\n"
      out += table(citationSample, order: ["dev", "test"])
    }
    for (corpus, r) in corpusResolution.sorted(by: { $0.key < $1.key }) {
      out += "\n\(corpus): \(r.resolved) of \(r.partial) short citations resolved by the corpus"
    }
    out += "\n"
    return out
  }

  private func table(_ fields: [String: FieldScore], order: [String]) -> String {
    func pct(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "–" }
    var out = "| field | coverage | given | correct | precision | truth | found | recall |\n"
    out += "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
    var notes = ""
    for name in order {
      guard let f = fields[name] else { continue }
      out += "| \(name) | \(pct(f.coverage)) | \(f.given) | \(f.correct) | \(pct(f.precision)) | \(f.truth) | \(f.found) | \(pct(f.recall)) |\n"
      if !f.falsePositives.isEmpty { notes += "  \(name), wrong or not in truth:\n" + f.falsePositives.map { "    \($0)\n" }.joined() }
      if !f.falseNegatives.isEmpty { notes += "  \(name), missed:\n" + f.falseNegatives.map { "    \($0)\n" }.joined() }
    }
    return out + (notes.isEmpty ? "" : "\n" + notes)
  }
}

/// How many short citations (`Nghị định số 03`) the corpus resolved to a full number.
struct CorpusResolution: Codable, Sendable {
  var partial: Int
  var resolved: Int
}

/// Truth from the publishers' own fields.
enum MetadataTruth {
  static func measure(_ records: [RealRecord], _ articles: [Article], examples: Int) -> [String: FieldScore] {
    let results = zip(records, articles)
    var year = FieldScore(), month = FieldScore(), day = FieldScore(), title = FieldScore(), source = FieldScore()
    for (record, article) in results {
      if let raw = record.date, let truth = PartialDate(iso: String(raw.prefix(10))) {
        year.articles += 1
        year.truth += 1
        if let d = article.date {
          year.articlesGiven += 1
          year.given += 1
          let why = "\(record.id): \(d) for \(truth) [\(article.provenance["date"].map { "\($0.rule): \($0.excerpt.prefix(90))" } ?? "")]"
          if d.year == truth.year {
            year.correct += 1
            year.found += 1
          } else {
            year.note(falsePositive: why, limit: examples)
          }
          if let m = d.month {
            month.given += 1
            if m == truth.month && d.year == truth.year { month.correct += 1 } else { month.note(falsePositive: why, limit: examples) }
          }
          if let dd = d.day {
            day.given += 1
            // Publishers' times are sometimes UTC for local time: a day either side is the same day.
            if let td = truth.day, d.year == truth.year, d.month == truth.month, abs(dd - td) <= 1 {
              day.correct += 1
            } else {
              day.note(falsePositive: why, limit: examples)
            }
          }
        }
      }
      title.compare(record.title, article.title, id: record.id, limit: examples) {
        Fold.bare(TextNormalizer.normalize($0)).filter { !$0.isWhitespace } == Fold.bare($1).filter { !$0.isWhitespace }
      }
      source.compare(record.source, article.source, id: record.id, limit: examples) {
        Fold.bare($1) == Fold.bare(TextNormalizer.normalize($0))
      }
    }
    month.articles = year.articles
    day.articles = year.articles
    month.articlesGiven = month.given
    day.articlesGiven = day.given
    return ["year": year, "month": month, "day": day, "title": title, "source": source]
  }
}

/// One hand-annotated article: ids and facts only (see bench/annotations/GUIDE.md).
struct Annotation: Decodable, Sendable {
  struct Person: Decodable, Sendable {
    var name: String
    var rank: String?
    var aliases: [String]?
  }
  struct Document: Decodable, Sendable {
    var type: String?
    var number: String
    var partial: Bool?
  }
  struct Organization: Decodable, Sendable {
    var name: String
    var abbreviation: String?
    var kind: String?
  }
  var id: String
  var split: String
  var year: Int?
  var people: [Person]?
  var citations: [Document]
  var organizations: [Organization]?

  static func load(path: String) throws -> [Annotation] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    var out: [Annotation] = []
    for (n, line) in data.split(separator: 0x0A).enumerated() where !line.allSatisfy({ $0 == 0x20 }) {
      do {
        out.append(try JSONDecoder().decode(Annotation.self, from: Data(line)))
      } catch {
        throw ValidationError("\(path):\(n + 1): not an annotation: \(error)")
      }
    }
    return out
  }
}

/// Truth from the hand-annotated sample.
enum AnnotatedTruth {
  /// `key(_:)` folds a name for comparison: no diacritics, no case, single spaces, no final dot.
  static func key(_ s: String) -> String {
    let folded = Fold.bare(TextNormalizer.normalize(s)).lowercased()
    let words = folded.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
    return words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ". "))
  }

  /// `orgKey(_:)` is `key(_:)` for an organisation's name, with two spellings of one name made
  /// equal, as GUIDE.md allows them (the name is the fullest form the text uses; an abbreviation
  /// expanded only where the text gives the full form): a common noun written in lowercase before
  /// the name (`báo Haaretz`, `trường ĐH Bách khoa`) is not the name's, and the standard
  /// abbreviations of a body's head and level (`UBND`, `HĐND`, `TAND`, `VKSND`, `ĐH`, `TP`) read
  /// as the words they stand for, so `UBND TP` and `Ủy ban nhân dân thành phố` are one name. The
  /// same on both halves, both sides.
  static func orgKey(_ s: String) -> String {
    var text = TextNormalizer.normalize(s)
    for noun in lowercaseNouns where text.hasPrefix(noun + " ") && text.count > noun.count + 1 {
      text = String(text.dropFirst(noun.count + 1))
      break
    }
    let words = key(text).split(separator: " ").flatMap { w in orgAbbreviations[String(w)].map { [$0] } ?? [String(w)] }
    return words.joined(separator: " ")
  }
  static let lowercaseNouns = ["báo", "tờ", "trường", "hãng", "đài", "kênh", "tạp chí", "nhật báo"]
  static let orgAbbreviations: [String: String] = Dictionary(
    uniqueKeysWithValues: [
      ("UBND", "Ủy ban nhân dân"), ("HĐND", "Hội đồng nhân dân"), ("TAND", "Tòa án nhân dân"),
      ("VKSND", "Viện Kiểm sát nhân dân"), ("ĐH", "Đại học"), ("TP", "thành phố"),
    ].map { (key($0.0), key($0.1)) })

  /// `documentKey(type:number:)` folds a document number, dropping leading zeros; a number
  /// without a symbol (`46`, `1992`) keeps its type. Both sides are first read back as extraction
  /// writes a number (`Citations.canonicalNumber`: `03 CT/TW` is `03-CT/TW`, an en dash a hyphen),
  /// so that a slip an annotator copied as written and the symbol extraction gives for it meet.
  static func documentKey(type: String?, number: String) -> String {
    var out = ""
    var digits = ""
    for ch in key(Citations.canonicalNumber(number, type: type)) where ch != " " {
      if ch.isNumber {
        digits.append(ch)
      } else {
        if !digits.isEmpty { out += String(Int(digits) ?? 0) }
        digits = ""
        out.append(ch == "đ" ? "d" : ch)
      }
    }
    if !digits.isEmpty { out += String(Int(digits) ?? 0) }
    // `16-2010` is `16/2010` written with a dash.
    if let dash = out.lastIndex(of: "-"), out[out.index(after: dash)...].count == 4,
      out[out.index(after: dash)...].allSatisfy(\.isNumber), !out.contains("/")
    {
      out.replaceSubrange(dash...dash, with: "/")
    }
    if out.contains("/") || out.contains("-") { return out }
    return key(type ?? "") + "#" + out
  }

  static func isFullName(_ name: String) -> Bool {
    let words = name.split(separator: " ")
    return words.count >= 2 && !(words.last.map { $0.count <= 2 && $0.hasSuffix(".") } ?? false)
  }

  static func measure(
    _ annotations: [Annotation], records: [String: (RealRecord, Article)], examples: Int
  ) -> [String: FieldScore] {
    var year = FieldScore(), people = FieldScore(), full = FieldScore(), ranks = FieldScore()
    var citations = FieldScore(), organizations = FieldScore()
    for a in annotations {
      guard let (_, article) = records[a.id] else { continue }
      year.articles += 1
      if a.year != nil { year.truth += 1 }
      if let y = article.date?.year {
        year.given += 1
        year.articlesGiven += 1
        if y == a.year {
          year.correct += 1
          year.found += 1
        } else {
          let p = article.provenance["date"].map { "\($0.rule): \($0.excerpt.prefix(80))" } ?? ""
          year.note(falsePositive: "\(a.id): \(y) for \(a.year.map(String.init) ?? "none") [\(p)]", limit: examples)
        }
      } else if let y = a.year {
        year.note(falseNegative: "\(a.id): \(y)", limit: examples)
      }

      // People: an extracted name is right when it is the person's fullest form or an alias.
      var personOf: [String: Int] = [:]
      for (n, p) in (a.people ?? []).enumerated() {
        for form in [p.name] + (p.aliases ?? []) { personOf[key(form), default: n] = personOf[key(form)] ?? n }
      }
      var foundPeople: [Int: PersonMention] = [:]
      people.articles += 1
      if !article.people.isEmpty { people.articlesGiven += 1 }
      for m in article.people {
        people.given += 1
        if let n = personOf[key(m.name)] {
          people.correct += 1
          foundPeople[n] = foundPeople[n] ?? m
        } else {
          people.note(
            falsePositive: "\(a.id): \(m.name) [\(m.provenance.rule): \(m.provenance.excerpt.prefix(60))]", limit: examples)
        }
      }
      for (n, p) in (a.people ?? []).enumerated() {
        people.truth += 1
        let isFull = isFullName(p.name)
        if isFull { full.truth += 1 }
        if let m = foundPeople[n] {
          people.found += 1
          if isFull { full.found += 1 }
          if let r = p.rank {
            ranks.truth += 1
            if let got = m.rank {
              ranks.given += 1
              if key(got) == key(r) {
                ranks.correct += 1
                ranks.found += 1
              } else {
                ranks.note(falsePositive: "\(a.id): \(p.name) \(got) for \(r)", limit: examples)
              }
            }
          }
        } else {
          people.note(falseNegative: "\(a.id): \(p.rank.map { $0 + " " } ?? "")\(p.name)", limit: examples)
          if isFull { full.note(falseNegative: "\(a.id): \(p.name)", limit: examples) }
        }
      }

      // Citations: one per distinct document.
      var truthDocs: [String: Int] = [:]
      for (n, d) in a.citations.enumerated() { truthDocs[documentKey(type: d.type, number: d.number)] = n }
      var foundDocs: Set<Int> = []
      var seenDocs: Set<String> = []
      citations.articles += 1
      if !article.citations.isEmpty { citations.articlesGiven += 1 }
      for c in article.citations {
        let k = documentKey(type: c.type, number: c.number)
        guard seenDocs.insert(k).inserted else { continue }
        citations.given += 1
        if let n = truthDocs[k] {
          citations.correct += 1
          foundDocs.insert(n)
        } else {
          citations.note(falsePositive: "\(a.id): \(c.type ?? "?") \(c.number) [\(c.provenance.excerpt.prefix(60))]", limit: examples)
        }
      }
      for (n, d) in a.citations.enumerated() {
        citations.truth += 1
        if foundDocs.contains(n) { citations.found += 1 } else {
          citations.note(falseNegative: "\(a.id): \(d.type ?? "?") \(d.number)", limit: examples)
        }
      }

      // Organisations: by full name or by abbreviation.
      var orgOf: [String: Int] = [:]
      for (n, o) in (a.organizations ?? []).enumerated() {
        orgOf[orgKey(o.name)] = orgOf[orgKey(o.name)] ?? n
        if let ab = o.abbreviation { orgOf[orgKey(ab)] = orgOf[orgKey(ab)] ?? n }
      }
      var foundOrgs: Set<Int> = []
      organizations.articles += 1
      if !article.organizations.isEmpty { organizations.articlesGiven += 1 }
      for o in article.organizations {
        organizations.given += 1
        if let n = orgOf[orgKey(o.name)] ?? o.abbreviation.flatMap({ orgOf[orgKey($0)] }) {
          organizations.correct += 1
          foundOrgs.insert(n)
        } else {
          organizations.note(
            falsePositive: "\(a.id): \(o.name) [\(o.provenance.rule): \(o.provenance.excerpt.prefix(60))]", limit: examples)
        }
      }
      for (n, o) in (a.organizations ?? []).enumerated() {
        organizations.truth += 1
        if foundOrgs.contains(n) { organizations.found += 1 } else {
          organizations.note(falseNegative: "\(a.id): \(o.name)", limit: examples)
        }
      }
    }
    full.articles = 0
    return [
      "year": year, "people": people, "people (full names)": full, "ranks": ranks, "citations": citations,
      "organizations": organizations,
    ]
  }
}

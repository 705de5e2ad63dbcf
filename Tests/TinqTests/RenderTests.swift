import Foundation
import Testing
import TinqCorpus
import TinqExtraction
import TinqFacts
import TinqStore
import TinqEngine
import TinqText

/// A tiny RFC 4180 reader, so CSV output is checked by parsing it back.
func parseCSV(_ text: String) -> [[String]] {
  var rows: [[String]] = []
  var row: [String] = []
  var field = ""
  var quoted = false
  var chars = Array(text)
  chars.append("\u{0}")
  var i = 0
  while i < chars.count - 1 {
    let c = chars[i]
    if quoted {
      if c == "\"" {
        if chars[i + 1] == "\"" {
          field.append("\"")
          i += 1
        } else {
          quoted = false
        }
      } else {
        field.append(c)
      }
    } else if c == "\"" {
      quoted = true
    } else if c == "," {
      row.append(field)
      field = ""
    } else if c == "\r\n" || c == "\n" {
      row.append(field)
      rows.append(row)
      row = []
      field = ""
    } else {
      field.append(c)
    }
    i += 1
  }
  if !field.isEmpty || !row.isEmpty {
    row.append(field)
    rows.append(row)
  }
  return rows
}

let nfcTitle = "Thượng tướng Nguyễn Tân Cương"
let nfdTitle = nfcTitle.decomposedStringWithCanonicalMapping

func sampleRows() -> RowSet {
  RowSet(
    collection: .articles, columns: ["id", "title", "date", "year", "people"],
    rows: [
      [
        .text("a1"), .text(nfcTitle), .date(PartialDate(year: 2020, month: 1, day: 15)), .integer(2020),
        .list([.object(keys: ["name", "rank"], values: [.text("Phan Văn Giang"), .text("Thượng tướng")])]),
      ],
      [.text("a2"), .text(nfdTitle), .date(PartialDate(year: 2021)), .null, .list([])],
      [.text("a3"), .text("say \"hi\", then\nleave | go"), .null, .integer(7), .list([.text("x"), .text("y")])],
    ])
}

@Suite struct RenderTests {
  @Test func tableAlignsNFCAndNFDByDisplayedWidth() {
    #expect(nfcTitle.unicodeScalars.count != nfdTitle.unicodeScalars.count)
    let text = Renderer(format: .table).render(.rows(sampleRows()))
    let lines = text.split(separator: "\n").map(String.init)
    let gridLines = lines.filter { $0.contains("│") }
    let barColumns = Set(gridLines.map { line -> Int in
      let prefix = line.prefix { $0 != "│" }
      return DisplayWidth.of(String(prefix))
    })
    #expect(gridLines.count == 4)
    #expect(barColumns.count == 1)
    #expect(lines.last == "(3 rows)")
    #expect(!text.contains("\u{1B}["))
  }

  @Test(arguments: [30, 45, 60])
  func tableFitsTheWidth(width: Int) {
    let text = Renderer(format: .table, width: width).render(.rows(sampleRows()))
    for line in text.split(separator: "\n") {
      #expect(DisplayWidth.of(String(line)) <= width, "\(line)")
    }
    #expect(text.contains("…"))
    #expect(text.contains(" a1 "))
  }

  @Test func tableColourOnlyWhenAsked() {
    #expect(Renderer(format: .table, color: true).render(.rows(sampleRows())).contains("\u{1B}[1m"))
  }

  @Test func groupedCountDrawsBarsScaledToTheLargest() {
    let groups = GroupedCount(field: "year", groups: [(.integer(2020), 1), (.integer(2022), 4), (.null, 2)])
    let text = Renderer(format: .table).render(.groups(groups))
    let lines = text.split(separator: "\n").map(String.init)
    func blocks(_ line: String) -> Int { line.filter { $0 == "█" }.count }
    let bars = lines.filter { $0.contains("█") }.map(blocks)
    #expect(bars == [10, 40, 20])
    #expect(text.contains("(unknown)"))
  }

  /// Control characters from a corpus reach a terminal escaped, never raw; JSON and CSV stay exact.
  @Test func controlCharactersAreEscapedForTerminals() {
    let rows = RowSet(collection: .articles, columns: ["id", "title"], rows: [[.text("e1"), .text("A\u{1B}[2JB\u{07}\u{00}")]])
    for format in [OutputFormat.table, .markdown] {
      let text = Renderer(format: format).render(.rows(rows))
      #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0 }, "\(format)")
      #expect(text.contains(format == .table ? "A\\x1B[2JB\\x07\\x00" : "A\\\\x1B[2JB"), "\(format)")
    }
    let detail = Renderer(format: .table).render(
      .article(ArticleDetail(article: Article(id: "e\u{1B}1", title: "T\u{9B}", body: "x\u{07}y\nz"))))
    #expect(!detail.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
    #expect(detail.contains("x\\x07y"))
    #expect(Renderer(format: .json).render(.rows(rows)).contains("\\u001b"))
    #expect(Renderer(format: .csv).render(.rows(rows)).unicodeScalars.contains { $0.value == 0x1B })
  }

  @Test func countAndPlan() {
    #expect(Renderer(format: .table).render(.count(42)) == "42\n")
    #expect(Renderer(format: .json).render(.count(42)) == "{\n  \"count\": 42\n}\n")
    #expect(Renderer(format: .jsonl).render(.count(42)) == "{\"count\":42}\n")
    #expect(Renderer(format: .table).render(.plan("scan articles")) == "scan articles\n")
  }

  @Test(arguments: [OutputFormat.json, .jsonl])
  func jsonParsesBackWithTypedValues(format: OutputFormat) throws {
    let text = Renderer(format: format).render(.rows(sampleRows()))
    let objects: [[String: Any]]
    if format == .json {
      objects = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    } else {
      objects = try text.split(separator: "\n").map {
        try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
      }
    }
    #expect(objects.count == 3)
    #expect(objects[0]["title"] as? String == nfcTitle)
    #expect(objects[1]["title"] as? String == nfdTitle)
    #expect(objects[0]["date"] as? String == "2020-01-15")
    #expect(objects[1]["date"] as? String == "2021")
    #expect(objects[0]["year"] as? Int == 2020)
    #expect(objects[1]["year"] is NSNull)
    #expect(objects[2]["title"] as? String == "say \"hi\", then\nleave | go")
    let people = try #require(objects[0]["people"] as? [[String: Any]])
    #expect(people.first?["rank"] as? String == "Thượng tướng")
    #expect((objects[2]["people"] as? [String]) == ["x", "y"])
    // Keys keep column order.
    let firstLine = text.split(separator: "\n").first { $0.contains("\"title\"") } ?? ""
    if format == .jsonl {
      #expect(firstLine.hasPrefix("{\"id\":\"a1\",\"title\""))
    }
  }

  @Test func jsonEscapesControlCharacters() throws {
    let weird = "tab\there\u{01}\u{1F}\\ \u{2028}end"
    let set = RowSet(collection: .articles, columns: ["id"], rows: [[.text(weird)]])
    let text = Renderer(format: .jsonl).render(.rows(set))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["id"] as? String == weird)
    #expect(!text.contains("\u{01}"))
  }

  @Test func groupedCountJSONNamesTheKeyAfterTheField() throws {
    let groups = GroupedCount(field: "year", groups: [(.integer(2020), 1), (.null, 2)])
    let text = Renderer(format: .json).render(.groups(groups))
    let array = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    #expect(array.count == 2)
    #expect(array[0]["year"] as? Int == 2020)
    #expect(array[0]["count"] as? Int == 1)
    #expect(array[1]["year"] is NSNull)
  }

  @Test func csvParsesBack() {
    let text = Renderer(format: .csv).render(.rows(sampleRows()))
    #expect(text.hasSuffix("\r\n"))
    let rows = parseCSV(text)
    #expect(rows.count == 4)
    #expect(rows[0] == ["id", "title", "date", "year", "people"])
    #expect(rows[1][1] == nfcTitle)
    #expect(rows[2][1] == nfdTitle)
    #expect(rows[3][1] == "say \"hi\", then\nleave | go")
    #expect(rows[3][4] == "x; y")
    #expect(rows[2][3] == "")
  }

  @Test func markdownEscapesPipes() {
    let text = Renderer(format: .markdown).render(.rows(sampleRows()))
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.count == 5)
    #expect(lines[1] == "| --- | --- | --- | --- | --- |")
    #expect(lines[4].contains("leave \\| go"))
    for line in lines {
      #expect(line.hasPrefix("|") && line.hasSuffix("|"))
    }
  }

  @Test func showListsEveryFieldWithProvenance() throws {
    let article = Article(
      id: "x1", title: "Tiêu đề", date: PartialDate(year: 2019, month: 9), body: "Dòng một.\nDòng hai.",
      citations: [
        Citation(
          type: "Nghị định", number: "03/2019/NĐ-CP", issuer: "CP", year: 2019,
          provenance: Provenance(rule: "full number", line: 4, excerpt: "Nghị định số 03/2019/NĐ-CP"))
      ],
      people: [PersonMention(name: "Lương Tam Quang", rank: "Trung tướng", positions: ["Thứ trưởng Bộ Công an"])],
      organizations: [OrganizationMention(name: "Bộ Công an", abbreviation: "BCA")],
      provenance: ["title": Provenance(rule: "headline", line: 3, excerpt: "Tiêu đề")])
    let table = Renderer(format: .table).render(.article(ArticleDetail(article: article)))
    for piece in [
      "x1", "Tiêu đề", "2019-09", "03/2019/NĐ-CP", "Nghị định", "full number", "line 4", "Lương Tam Quang", "Trung tướng",
      "Thứ trưởng Bộ Công an", "Bộ Công an (BCA)", "headline", "Dòng hai.",
    ] {
      #expect(table.contains(piece), "\(piece)")
    }
    let narrow = Renderer(format: .table, width: 30).render(.article(ArticleDetail(article: article)))
    for line in narrow.split(separator: "\n") {
      #expect(DisplayWidth.of(String(line)) <= 30, "\(line)")
    }
    #expect(narrow.contains("Dòng hai."))
    let json = Renderer(format: .json).render(.article(ArticleDetail(article: article)))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["date"] as? String == "2019-09")
    let citations = try #require(object["citations"] as? [[String: Any]])
    #expect(citations.first?["number"] as? String == "03/2019/NĐ-CP")
    #expect((citations.first?["provenance"] as? [String: Any])?["line"] as? Int == 4)
    #expect(object["body"] as? String == "Dòng một.\nDòng hai.")
  }
}

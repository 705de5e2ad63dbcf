import Foundation
import Testing
import TinqCorpus
import TinqExtraction
import TinqFacts
import TinqStore
import TinqText

/// The seed articles, loaded once through the public loader so corpus-level resolution applies.
enum SeedFixture {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("seeds").path
  static let loaded: LoadedArticles? = try? CorpusLoader.load(paths: [directory])

  static func article(_ id: String) -> Article? { loaded?.articles.first { $0.id == id } }

  static func text(_ id: String) -> String? {
    try? String(contentsOfFile: directory + "/" + id + ".txt", encoding: .utf8)
  }
}

/// What one seed article must give, established by reading the article.
struct SeedExpectation: Sendable, CustomStringConvertible {
  struct Cite: Sendable, Equatable {
    var type: String?
    var number: String
    var issuer: String?
    var year: Int?
    var partial: Bool
  }
  struct Person: Sendable, Equatable {
    var name: String
    var rank: String?
    var positions: [String]
  }
  var id: String
  var title: String?
  var date: String?
  var source: String?
  var author: String?
  var citations: [Cite]
  var people: [Person]
  var organizations: [String]
  /// Text that must be gone from the body.
  var residue: [String]
  /// Text that must stay in the body.
  var kept: [String]

  var description: String { id }
}

let seedExpectations: [SeedExpectation] = [
  SeedExpectation(
    id: "000_d0844a13450a2335",
    // Line 3: a short line without a final period between the dateline and the `(CT)-` lead.
    title: "Nâng cao hiệu quả công tác phối hợp, đảm bảo an ninh quốc gia, an toàn xã hội",
    // Dateline on line 1, `15/01/2020 - 21:48`; the decree's own date 5-9-2019 must not win.
    date: "2020-01-15",
    // `(CT)-` opens the lead on line 5.
    source: "CT",
    // Byline on line 17, `Tin, ảnh: KIỀU CHINH`, kept as written.
    author: "KIỀU CHINH",
    // Lines 5 and 15 cite the same decree; it is listed once.
    citations: [.init(type: "Nghị định", number: "03/2019/NĐ-CP", issuer: "CP", year: 2019, partial: false)],
    people: [
      // Line 5 and again line 15 with the same positions.
      .init(name: "Phan Văn Giang", rank: "Thượng tướng", positions: ["Tổng tham mưu trưởng", "Thứ trưởng Bộ Quốc phòng"]),
      // Line 5.
      .init(name: "Lương Tam Quang", rank: "Trung tướng", positions: ["Thứ trưởng Bộ Công an"]),
    ],
    // Line 5: both ministries and `của Chính phủ`; line 9: the two Party committees.
    organizations: [
      "Bộ Công an", "Bộ Quốc phòng", "Chính phủ", "Công an thành phố Cần Thơ", "Đảng", "Quân ủy Trung ương",
      "Đảng ủy Công an Trung ương",
    ],
    residue: ["Chia sẻ bài viết", "15/01/2020", "Nâng cao hiệu quả công tác phối hợp"],
    kept: ["(CT)- Ngày 15-1-2020", "Tin, ảnh: KIỀU CHINH"]),
  SeedExpectation(
    id: "001_0ef710d98552a17e",
    // Line 1 is the lead paragraph (ends with a period), not a headline.
    title: nil,
    // No dateline; `6 tháng đầu năm 2021` on line 3 dates the report to 2021 only. `nhiệm kỳ
    // 2021-2026` on the same line is a term, not a date.
    date: "2021",
    source: nil,
    // Byline on line 33.
    author: "DUY ĐÔNG",
    // `Nghị định số 03` on line 3 is a short reference; the corpus knows one Decree 03 (seeds 000,
    // 002, 004), so it resolves to 03/2019/NĐ-CP.
    citations: [.init(type: "Nghị định", number: "03/2019/NĐ-CP", issuer: "CP", year: 2019, partial: false)],
    people: [
      // Line 1, positions as written, merged with the captions on lines 7 and 12.
      .init(
        name: "Nguyễn Tân Cương", rank: "Thượng tướng",
        positions: [
          "Ủy viên Trung ương Đảng", "Ủy viên Thường vụ Quân ủy Trung ương", "Tổng Tham mưu trưởng",
          "Thứ trưởng Bộ Quốc phòng",
        ]),
      .init(
        name: "Trần Quốc Tỏ", rank: "Trung tướng",
        positions: ["Ủy viên Trung ương Đảng", "Phó bí thư Đảng ủy Công an Trung ương", "Thứ trưởng Bộ Công an"]),
      .init(name: "Đỗ Căn", rank: "Thượng tướng", positions: ["Phó chủ nhiệm Tổng cục Chính trị"]),
      .init(name: "Phùng Sĩ Tấn", rank: "Trung tướng", positions: ["Phó tổng Tham mưu trưởng"]),
    ],
    // Line 1 positions name five bodies; line 3 `đại biểu Quốc hội`.
    organizations: [
      "Trung ương Đảng", "Quân ủy Trung ương", "Bộ Quốc phòng", "Đảng ủy Công an Trung ương", "Bộ Công an",
      "Tổng cục Chính trị", "Đảng", "Quốc hội",
    ],
    residue: ["leftcenterrightdel"],
    kept: ["Thượng tướng Nguyễn Tân Cương phát biểu tại hội nghị.", "Các đại biểu tham dự hội nghị."]),
  SeedExpectation(
    id: "002_33d00f0403656af6",
    // Line 1: a headline, followed by the dateline on line 3.
    title: "Thực hiện tốt công tác phối hợp theo Nghị định số 03/2019/NĐ-CP",
    // Dateline on line 3.
    date: "2022-09-30",
    // `BDK - ` opens the lead on line 5.
    source: "BDK",
    // Signature block lines 27 and 29: rank `Thượng tá` goes to provenance, not the name. The
    // photo credit `Ảnh: Đặng Thạch` is not the only byline.
    author: "Nguyễn Văn Cường",
    citations: [
      // Title and line 5; `Nghị định số 03/NĐ-CP` on line 15 resolves to it within the article.
      .init(type: "Nghị định", number: "03/2019/NĐ-CP", issuer: "CP", year: 2019, partial: false),
      // Line 5: an administrative decision, no year.
      .init(type: "Quyết định", number: "77/QĐ-UBND", issuer: "UBND", year: nil, partial: false),
      // Line 11: party documents, `number-TYPE/TW`.
      .init(type: "Nghị quyết", number: "51-NQ/TW", issuer: "TW", year: nil, partial: false),
      .init(type: "Nghị quyết", number: "28-NQ/TW", issuer: "TW", year: nil, partial: false),
      .init(type: "Chỉ thị", number: "46-CT/TW", issuer: "TW", year: nil, partial: false),
      .init(type: "Chỉ thị", number: "12-CT/TW", issuer: "TW", year: nil, partial: false),
      // Line 11: `Quyết định số 110 của Bộ Tổng tham mưu` has no symbol and nothing resolves it.
      .init(type: "Quyết định", number: "110", issuer: nil, year: nil, partial: true),
    ],
    // The only named person is the signing author.
    people: [],
    // QP-AN and ANTT (lines 11, 17) are topics, not organisations.
    organizations: [
      "Chính phủ", "Ủy ban nhân dân tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chính trị", "Ban Chấp hành Trung ương Đảng",
      "Bộ Tổng Tham mưu", "Bộ Quốc phòng", "Bộ Công an", "Đảng", "Quân khu 9",
    ],
    residue: ["Chia sẻ bài viết", "BÌNH LUẬN", "30/09/2022"],
    kept: ["Các lực lượng phối hợp tuần tra khu vực biên giới biển. Ảnh: Đặng Thạch", "Thượng tá Nguyễn Văn Cường"]),
  SeedExpectation(
    id: "003_d538e3b866b5af87",
    // Line 1 is a paragraph ending with a period.
    title: nil,
    // No dateline and no dated statement.
    date: nil,
    source: nil,
    // Line 9: a trailing lone name, the same as the photo credit on line 3.
    author: "Việt Hưng",
    citations: [],
    people: [
      // Line 7: titles before names, no rank.
      .init(name: "Nguyễn Danh Cộng", rank: nil, positions: ["Chánh Văn phòng Bộ Công an"]),
      .init(name: "Huỳnh Ngọc Hà", rank: nil, positions: ["Cục trưởng Cục Tác chiến Bộ Tổng tham mưu - Bộ Quốc phòng"]),
    ],
    // Lines 1 and 7; `Ngày Truyền thống Công an nhân dân` on line 7.
    organizations: [
      "Văn phòng Bộ Công an", "Bộ Công an", "Cục Tác chiến", "Bộ Tổng Tham mưu", "Bộ Quốc phòng", "Công an nhân dân",
      "Đảng",
    ],
    residue: [],
    kept: ["Các đại biểu dự Hội nghị.  Ảnh Việt Hưng."]),
  SeedExpectation(
    id: "004_adcf2f97b390286b",
    // Line 1, followed by the lead.
    title: "Phối hợp triển khai đồng bộ, toàn diện các chiến lược quốc phòng, an ninh",
    // Line 3: `Ngày 9/2, ... năm 2022.` gives a day and month; `năm 2022` names the year the
    // meeting reviews (held, most likely, in February 2023), so the year stays unknown. The
    // decree's `ngày 5/9/2019` and the stripped `28/1/2026` must not win either.
    date: nil,
    source: nil,
    // No byline; photo credits exist only in the stripped related-articles block.
    author: nil,
    citations: [.init(type: "Nghị định", number: "03/2019/NĐ-CP", issuer: "CP", year: 2019, partial: false)],
    people: [
      // Line 3: `Các đồng chí Ủy viên Trung ương Đảng:` applies to both named after it.
      .init(
        name: "Nguyễn Tân Cương", rank: "Thượng tướng",
        positions: ["Ủy viên Trung ương Đảng", "Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam", "Thứ trưởng Quốc phòng"]),
      .init(name: "Trần Quốc Tỏ", rank: "Thượng tướng", positions: ["Ủy viên Trung ương Đảng", "Thứ trưởng Công an"]),
    ],
    // Tô Lâm, Trần Thanh Mẫn, Quốc hội and Bộ Chính trị appear only after `Có thể bạn quan tâm`.
    organizations: [
      "Bộ Quốc phòng", "Bộ Công an", "Chính phủ", "Trung ương Đảng", "Quân đội nhân dân", "Bộ đội Biên phòng",
      "Cảnh sát biển", "Đảng",
    ],
    residue: ["Có thể bạn quan tâm", "Tô Lâm", "28/1/2026", "Trần Thanh Mẫn"],
    kept: ["Toàn cảnh hội nghị.", "Luật Phòng thủ dân sự"]),
]

@Suite struct ExtractionSeedTests {
  @Test func allSeedsLoadWithoutWarnings() throws {
    let loaded = try #require(SeedFixture.loaded)
    #expect(loaded.articles.map(\.id) == seedExpectations.map(\.id))
    #expect(loaded.warnings.isEmpty)
  }

  @Test(arguments: seedExpectations)
  func seedFields(_ e: SeedExpectation) throws {
    let a = try #require(SeedFixture.article(e.id))
    #expect(a.id == e.id)
    #expect(a.title == e.title)
    #expect(a.date?.description == e.date)
    #expect(a.year == e.date.flatMap { Int($0.prefix(4)) })
    #expect(a.source == e.source)
    #expect(a.author == e.author)
    let cites = a.citations.map {
      SeedExpectation.Cite(type: $0.type, number: $0.number, issuer: $0.issuer, year: $0.year, partial: $0.isPartial)
    }
    #expect(cites == e.citations)
    let people = a.people.map { SeedExpectation.Person(name: $0.name, rank: $0.rank, positions: $0.positions) }
    #expect(people == e.people)
    #expect(a.organizations.map(\.name) == e.organizations)
    for r in e.residue { #expect(!a.body.contains(r), "body still holds \(r)") }
    for k in e.kept { #expect(a.body.contains(k), "body lost \(k)") }
    // Every scalar field found in the text says where it came from.
    for (field, value) in [("title", a.title), ("date", a.date?.description), ("source", a.source), ("author", a.author)]
    where value != nil {
      let p = try #require(a.provenance[field])
      #expect(p.line != nil && !p.excerpt.isEmpty)
    }
  }

  @Test func doubledCaptionKeptOnce() throws {
    let a = try #require(SeedFixture.article("002_33d00f0403656af6"))
    let caption = "Các lực lượng phối hợp tuần tra khu vực biên giới biển. Ảnh: Đặng Thạch"
    #expect(a.body.components(separatedBy: caption).count == 2)
    let b = try #require(SeedFixture.article("004_adcf2f97b390286b"))
    #expect(b.body.components(separatedBy: "Toàn cảnh hội nghị.").count == 2)
  }

  @Test func signatureRankGoesToProvenance() throws {
    let a = try #require(SeedFixture.article("002_33d00f0403656af6"))
    let p = try #require(a.provenance["author"])
    #expect(p.rule.contains("Thượng tá"))
    #expect(p.line == 27)
  }

  @Test func shortReferenceStaysPartialWithoutCorpus() throws {
    // Alone, seed 001 cannot say which Decree 03 it means.
    let text = try #require(SeedFixture.text("001_0ef710d98552a17e"))
    let a = ArticleExtractor.extract(text: text, id: "x", origin: nil)
    #expect(a.citations.map(\.number) == ["03"])
    #expect(a.citations.first?.isPartial == true)
    #expect(a.citations.first?.type == "Nghị định")
  }

  static let variants: [(String, @Sendable (String) -> String)] = [
    ("NFD", { $0.decomposedStringWithCanonicalMapping }),
    ("CRLF", { $0.replacingOccurrences(of: "\n", with: "\r\n") }),
    ("BOM", { "\u{FEFF}" + $0 }),
    ("NBSP and curly quotes", { $0.replacingOccurrences(of: "Ngày ", with: "Ngày\u{00A0}") }),
    ("all at once", { "\u{FEFF}" + $0.decomposedStringWithCanonicalMapping.replacingOccurrences(of: "\n", with: "\r\n") }),
  ]

  @Test(arguments: seedExpectations.map(\.id), [0, 1, 2, 3, 4])
  func copiesExtractIdentically(_ id: String, _ variant: Int) throws {
    let text = try #require(SeedFixture.text(id))
    let (name, transform) = Self.variants[variant]
    let original = ArticleExtractor.extract(text: text, id: id, origin: "a")
    let copy = ArticleExtractor.extract(text: transform(text), id: id, origin: "b")
    #expect(copy.origin != original.origin)
    var same = copy
    same.origin = original.origin
    #expect(same == original, "\(name) copy of \(id) differs")
    // Canonical equality is not enough: the bytes must match too.
    #expect(Array(copy.body.utf8) == Array(original.body.utf8), "\(name) copy of \(id) body bytes differ")
  }

  @Test func copiesInADirectoryLoadIdentically() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tinq-seeds-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for e in seedExpectations {
      let text = try #require(SeedFixture.text(e.id))
      let copy = "\u{FEFF}" + text.decomposedStringWithCanonicalMapping.replacingOccurrences(of: "\n", with: "\r\n")
      try Data(copy.utf8).write(to: dir.appendingPathComponent(e.id + ".txt"))
    }
    let original = try #require(SeedFixture.loaded)
    let copies = try CorpusLoader.load(paths: [dir.path])
    #expect(copies.articles.count == original.articles.count)
    for (a, b) in zip(original.articles, copies.articles) {
      var b2 = b
      b2.origin = a.origin
      #expect(a == b2, "\(a.id)")
    }
  }
}

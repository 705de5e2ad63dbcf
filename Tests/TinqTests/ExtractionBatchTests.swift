import Testing
import TinqText

@testable import TinqExtraction
@testable import TinqFacts

/// The rules read a huge text a batch of lines at a time (`Layout.batches`), so that its words are
/// never all held at once. These tests extract the same texts with tiny batches and with the
/// default (one batch for any real article) and expect the same facts, and check how a line longer
/// than a batch is cut.
@Suite struct ExtractionBatchTests {
  /// Texts whose facts spread over many lines, or sit on one long line.
  static let texts: [String] = [
    """
    Công an tỉnh triệt phá đường dây buôn ma túy

    Hôm nay 27/5/2023, Công an tỉnh Bình Dương cho biết đã bắt giữ các đối tượng.
    Theo Nghị định số 03/2019/NĐ-CP, lực lượng chức năng phối hợp với Bộ Công an.
    Đại tá Nguyễn Văn Hùng, Giám đốc Công an tỉnh, chỉ đạo điều tra.
    Vụ việc được xử lý theo Thông tư 15/2020/TT-BCA.
    Thượng tá Lê Minh Tuấn cho biết thêm, Nghị định 03 quy định rõ trách nhiệm.
    Đại tá Nguyễn Văn Hùng, Phó Bí thư Đảng ủy, yêu cầu làm rõ.

    Tin, ảnh: TRẦN AN
    """,
    "6 tháng đầu năm 2021, Sở Tư pháp tỉnh thực hiện Nghị quyết 12/NQ-CP. "
      + String(repeating: "Các đơn vị phối hợp chặt chẽ theo Quyết định 45/QĐ-UBND. ", count: 40)
      + "Đến năm 2030, tỉnh phấn đấu hoàn thành. Số liệu năm 2020 cho thấy tăng trưởng.",
    "Sáng 20/3/2023, Trung tướng Phạm Văn Bình dự hội nghị. "
      + String(repeating: "Bộ Tài chính ban hành Thông tư 02/2013/TT-BTC hướng dẫn. ", count: 30),
  ]

  // Batches of 160 bytes or more find a period to cut after in every long line here (its sentences
  // are under 80 bytes); a cut at a mere space may split a name (`Bộ Công | an`), which only a
  // line of megabytes without a period can meet.
  @Test(arguments: texts, [160, 300, 1_000])
  func smallBatchesGiveTheSameFacts(_ text: String, _ batchBytes: Int) {
    let bytes = TextNormalizer.normalizedBytes(text)
    let whole = ArticleExtractor.extract(normalized: bytes, id: "a", origin: nil, metadata: .init())
    let batched = ArticleExtractor.extract(
      normalized: bytes, id: "a", origin: nil, metadata: .init(), batchBytes: batchBytes)
    #expect(batched.body == whole.body)
    #expect(batched.title == whole.title)
    #expect(batched.date == whole.date)
    #expect(batched.source == whole.source)
    #expect(batched.author == whole.author)
    #expect(batched.citations.map(\.number) == whole.citations.map(\.number))
    #expect(batched.people.map(\.name) == whole.people.map(\.name))
    #expect(batched.people.map(\.rank) == whole.people.map(\.rank))
    #expect(batched.organizations.map(\.name) == whole.organizations.map(\.name))
  }

  @Test func theTestTextsHoldFacts() {
    // Without facts the comparison above could not fail.
    let first = extracted(Self.texts[0])
    #expect(first.citations.count >= 2)
    #expect(first.people.map(\.name).contains("Nguyễn Văn Hùng"))
    #expect(first.date == PartialDate(year: 2023, month: 5, day: 27))
    #expect(extracted(Self.texts[1]).date == PartialDate(year: 2021))
  }

  @Test func aPeriodIsDroppedWhenALaterBatchNamesALaterYear() {
    let text = "6 tháng đầu năm 2021, doanh thu tăng. " + String(repeating: "Các đơn vị báo cáo. ", count: 20)
      + "Kết quả này cao hơn năm 2023."
    let bytes = TextNormalizer.normalizedBytes(text)
    for batchBytes in [64, 4_096] {
      let article = ArticleExtractor.extract(
        normalized: bytes, id: "a", origin: nil, metadata: .init(), batchBytes: batchBytes)
      #expect(article.date == nil, "batch of \(batchBytes) bytes")
    }
  }

  static let pieceCases: [(String, Int, [String])] = [
    // After a sentence's period when one is in reach.
    ("Một hai ba. Bốn năm sáu bảy tám chín mười.", 64, ["Một hai ba. Bốn năm sáu bảy tám chín mười."]),
    (String(repeating: "Câu một. ", count: 10), 64, [
      String(repeating: "Câu một. ", count: 5), String(repeating: "Câu một. ", count: 5),
    ]),
    // Else after a space; else between scalars, never inside one.
    (
      String(repeating: "ạ ", count: 40), 64,
      [String(repeating: "ạ ", count: 16), String(repeating: "ạ ", count: 16), String(repeating: "ạ ", count: 8)]
    ),
    (String(repeating: "ạ", count: 30), 64, [String(repeating: "ạ", count: 21), String(repeating: "ạ", count: 9)]),
  ]

  @Test(arguments: pieceCases)
  func piecesOfALongLine(_ line: String, _ maxBytes: Int, _ expected: [String]) {
    let bytes = Array(line.utf8)
    let pieces = Layout.pieces(of: bytes, maxBytes: maxBytes)
    #expect(pieces.map { String(decoding: bytes[$0], as: UTF8.self) } == expected)
    #expect(pieces.allSatisfy { $0.count <= maxBytes })
  }
}

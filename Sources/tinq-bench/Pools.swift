// The vocabulary the generator draws from: sentences lifted from the seed articles (only those
// that name no person, date, number or document, so every entity in a generated article is one
// the generator chose and can account for), and pools of documents, people and organisations.
// The pools are built from a fixed seed, independent of the corpus seed, so the benchmark's
// query suite can name "the rare document" or "a mid-frequency person" for every corpus.

import Foundation
import TinqText
import TinqSupport

/// The generator's draws on top of `SplitMix64` (TinqText), the one seeded generator.
extension SplitMix64 {
  /// `below(_:)` returns an integer in `0..<n` (0 when `n` is not positive).
  mutating func below(_ n: Int) -> Int {
    guard n > 1 else { return 0 }
    // Multiply-high keeps the result unbiased enough for synthetic text and avoids a division.
    return Int(next().multipliedFullWidth(by: UInt64(n)).high)
  }

  /// `unit()` returns a double in `[0, 1)`.
  mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// `chance(_:)` is true with probability `p`.
  mutating func chance(_ p: Double) -> Bool { unit() < p }

  /// `pick(_:)` returns a uniformly chosen element of a non-empty array.
  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

  /// `between(_:_:)` returns an integer in `lo...hi`.
  mutating func between(_ lo: Int, _ hi: Int) -> Int { lo + below(hi - lo + 1) }
}

/// `ZipfTable` samples ranks `0..<count` with probability proportional to `1 / (rank + 1)^s`,
/// the skew real citation and mention counts show.
struct ZipfTable: Sendable {
  private let cumulative: [Double]

  /// `init(count:exponent:)` precomputes the cumulative weights.
  init(count: Int, exponent s: Double) {
    var acc = 0.0
    var c: [Double] = []
    c.reserveCapacity(max(count, 1))
    for r in 0..<max(count, 1) {
      acc += 1.0 / pow(Double(r + 1), s)
      c.append(acc)
    }
    cumulative = c
  }

  /// `sample(_:)` draws one rank.
  func sample(_ rng: inout SplitMix64) -> Int {
    let total = cumulative[cumulative.count - 1]
    let x = rng.unit() * total
    var lo = 0
    var hi = cumulative.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if cumulative[mid] > x { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }
}

/// `LegalDocument` is one entry of the citation pool.
struct LegalDocument: Sendable {
  /// The type in full, e.g. `Nghị định`.
  var type: String
  /// The canonical number, e.g. `03/2019/NĐ-CP`.
  var number: String
  /// The bare leading number as short references write it, e.g. `03`.
  var shortNumber: String
  /// The number without its year, e.g. `03/NĐ-CP`, when the number has a year.
  var withoutYear: String?
  /// Who issued it, as the text says it: `của Chính phủ`.
  var issuerPhrase: String
  /// The signing date written `5-9-2019`, for documents with a year.
  var dateText: String?
  /// What it is about, for sentences that say so.
  var subject: String
}

/// `Person` is one entry of the people pool.
struct Person: Sendable {
  /// The full name: family, middle and given names.
  var name: String
  /// The index into `Pools.ranks` of the person's rank before any promotion.
  var rank: Int
  /// The year the person is promoted one rank, if ever.
  var promotedIn: Int?
  /// Positions, most important first.
  var positions: [String]

  /// `rank(in:)` is the rank the person holds in a given year.
  func rank(in year: Int) -> Int {
    if let p = promotedIn, year >= p, rank > 0 { return rank - 1 }
    return rank
  }
}

/// `Pools` holds everything the generator draws from.
struct Pools: Sendable {
  /// Officer ranks, highest first.
  static let ranks = [
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
    "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy",
  ]

  /// The pool of legal documents, most cited first; index 0 is 03/2019/NĐ-CP.
  let documents: [LegalDocument]
  /// The pool of people, most mentioned first.
  let people: [Person]
  /// Reporters for bylines (never people in the story).
  let reporters: [String]

  /// The Zipf sampler over `documents` after the first (the first has its own rate).
  let documentSkew: ZipfTable
  /// The Zipf sampler over `people`.
  let personSkew: ZipfTable

  /// The pool every corpus uses: the seed is fixed so that the query suite names the same
  /// document and person whatever the corpus seed.
  static let standard = Pools(seed: 0x7417_0C0B_0A0F_0001)

  /// `init(seed:)` builds the pools.
  init(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    documents = Pools.makeDocuments(&rng)
    people = Pools.makePeople(&rng)
    reporters = Pools.makeReporters(&rng)
    documentSkew = ZipfTable(count: documents.count - 1, exponent: 1.05)
    personSkew = ZipfTable(count: people.count, exponent: 0.85)
  }

  /// The document the suite's "rare citation" query asks for: far down the Zipf tail.
  var rareDocument: LegalDocument { documents[min(220, documents.count - 1)] }

  /// The person the suite's `mentions` query asks for: a mid-frequency name.
  var queriedPerson: Person { people[min(150, people.count - 1)] }

  // MARK: - Documents

  private static func makeDocuments(_ rng: inout SplitMix64) -> [LegalDocument] {
    var docs: [LegalDocument] = []
    var seen = Set<String>()
    func add(_ d: LegalDocument) {
      if seen.insert(d.number).inserted { docs.append(d) }
    }
    let coordination = "về phối hợp giữa Bộ Công an và Bộ Quốc phòng trong thực hiện nhiệm vụ bảo vệ an ninh quốc gia"
    add(normative("Nghị định", 3, 2019, "NĐ-CP", "của Chính phủ", "5-9-2019", coordination))
    add(party("Nghị quyết", 51, "NQ/TW", "của Bộ Chính trị", "về Chiến lược bảo vệ an ninh quốc gia"))
    add(party("Nghị quyết", 28, "NQ/TW", "của Ban Chấp hành Trung ương Đảng", "về Chiến lược bảo vệ Tổ quốc trong tình hình mới"))
    add(party("Chỉ thị", 46, "CT/TW", "của Bộ Chính trị", "về tăng cường sự lãnh đạo của Đảng đối với công tác bảo đảm an ninh trật tự"))
    add(admin("Quyết định", 77, "QĐ-UBND", "của UBND tỉnh", "ban hành quy chế phối hợp giữa Công an, Quân sự và Biên phòng tỉnh"))
    add(normative("Nghị định", 77, 2010, "NĐ-CP", "của Chính phủ", "12-7-2010", coordination))
    add(party("Chỉ thị", 12, "CT/TW", "của Bộ Chính trị", "về tăng cường sự lãnh đạo của Đảng đối với công tác bảo đảm an ninh kinh tế"))
    add(normative("Luật", 80, 2015, "QH13", "của Quốc hội", nil, "về ban hành văn bản quy phạm pháp luật"))
    add(normative("Thông tư", 12, 2019, "TT-BCA", "của Bộ Công an", "15-4-2019", "hướng dẫn thi hành"))
    add(party("Kết luận", 127, "KL/TW", "của Bộ Chính trị", "về triển khai nghiên cứu, đề xuất tiếp tục sắp xếp tổ chức bộ máy"))
    add(party("Kế hoạch", 118, "KH/ĐUCA", "của Đảng ủy Công an Trung ương", "về thực hiện nhiệm vụ trọng tâm"))
    add(normative("Quyết định", 18, 2020, "QĐ-TTg", "của Thủ tướng Chính phủ", "18-6-2020", "về phê duyệt đề án"))
    add(normative("Nghị định", 30, 2020, "NĐ-CP", "của Chính phủ", "5-3-2020", "về công tác văn thư"))
    add(normative("Luật", 64, 2025, "QH15", "của Quốc hội", nil, "về ban hành văn bản quy phạm pháp luật"))
    add(admin("Nghị quyết", 28, "NQ-CP", "của Chính phủ", "về chương trình hành động"))

    let subjects = [
      "về bảo đảm an ninh trật tự", "về công tác phòng, chống tội phạm", "về xây dựng lực lượng vũ trang",
      "về quản lý biên giới quốc gia", "về phòng, chống ma túy", "về công tác dân vận",
      "về bảo vệ an ninh mạng", "về phòng thủ dân sự", "về xây dựng khu vực phòng thủ", "về tuần tra, kiểm soát",
    ]
    // Every numbering style in the domain notes, in proportions a news corpus shows.
    while docs.count < 320 {
      let subject = rng.pick(subjects)
      let year = rng.between(2008, 2025)
      let d = rng.between(1, 28)
      let m = rng.between(1, 12)
      let date = "\(d)-\(m)-\(year)"
      switch rng.below(12) {
      case 0, 1:
        // A second decree numbered 03 would make `Nghị định số 03` ambiguous across the corpus.
        var n = rng.between(1, 180)
        if n == 3 { n = 4 }
        add(normative("Nghị định", n, year, "NĐ-CP", "của Chính phủ", date, subject))
      case 2:
        let issuer = rng.pick([("BCA", "của Bộ Công an"), ("BQP", "của Bộ Quốc phòng"), ("BNV", "của Bộ Nội vụ")])
        add(normative("Thông tư", rng.between(1, 90), year, "TT-" + issuer.0, issuer.1, date, subject))
      case 3:
        add(normative("Quyết định", rng.between(1, 60), year, "QĐ-TTg", "của Thủ tướng Chính phủ", date, subject))
      case 4:
        let term = rng.pick([(13, 2011, 2015), (14, 2016, 2020), (15, 2021, 2025)])
        add(normative("Luật", rng.between(1, 99), rng.between(term.1, term.2), "QH\(term.0)", "của Quốc hội", nil, subject))
      case 5:
        let kind = rng.pick([("Nghị quyết", "NQ"), ("Chỉ thị", "CT"), ("Kết luận", "KL")])
        add(party(kind.0, rng.between(1, 140), kind.1 + "/TW", "của Bộ Chính trị", subject))
      case 6:
        add(party("Kế hoạch", rng.between(1, 200), "KH/ĐUCA", "của Đảng ủy Công an Trung ương", subject))
      case 7:
        add(party("Nghị quyết", rng.between(100, 999), "NQ/ĐUQSTW", "của Quân ủy Trung ương", subject))
      case 8:
        let kind = rng.pick([("Quyết định", "QĐ"), ("Kế hoạch", "KH"), ("Chỉ thị", "CT")])
        add(admin(kind.0, rng.between(1, 3999), kind.1 + "-UBND", "của UBND tỉnh", subject))
      case 9:
        add(admin("Nghị quyết", rng.between(1, 199), "NQ-CP", "của Chính phủ", subject))
      case 10:
        add(admin("Công điện", rng.between(1, 1500), "CĐ-TTg", "của Thủ tướng Chính phủ", subject))
      default:
        add(normative("Thông tư liên tịch", rng.between(1, 20), year, "TTLT-BCA-BQP", "của Bộ Công an và Bộ Quốc phòng", date, subject))
      }
    }
    return docs
  }

  private static func padded(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

  private static func normative(
    _ type: String, _ n: Int, _ year: Int, _ code: String, _ issuer: String, _ date: String?, _ subject: String
  ) -> LegalDocument {
    LegalDocument(
      type: type, number: "\(padded(n))/\(year)/\(code)", shortNumber: padded(n),
      withoutYear: code.hasPrefix("QH") ? nil : "\(padded(n))/\(code)", issuerPhrase: issuer, dateText: date,
      subject: subject)
  }

  private static func party(_ type: String, _ n: Int, _ code: String, _ issuer: String, _ subject: String) -> LegalDocument {
    LegalDocument(
      type: type, number: "\(n)-\(code)", shortNumber: "\(n)", withoutYear: nil, issuerPhrase: issuer, dateText: nil,
      subject: subject)
  }

  private static func admin(_ type: String, _ n: Int, _ code: String, _ issuer: String, _ subject: String) -> LegalDocument {
    LegalDocument(
      type: type, number: "\(n)/\(code)", shortNumber: "\(n)", withoutYear: nil, issuerPhrase: issuer, dateText: nil,
      subject: subject)
  }

  // MARK: - People

  static let families = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Lý", "Lương", "Phùng", "Trịnh", "Đinh", "Mai", "Tô", "Lâm", "Cao", "Hà", "Tạ", "Kiều", "Quách",
  ]
  static let middles = [
    "Văn", "Hữu", "Đức", "Quốc", "Minh", "Thanh", "Tân", "Ngọc", "Xuân", "Công", "Đình", "Trọng", "Danh", "Tam",
    "Sĩ", "Hồng", "Mạnh", "Thế", "Bá", "Duy", "Viết", "Kim", "Thị", "Anh",
  ]
  static let givens = [
    "Cương", "Tỏ", "Giang", "Quang", "Hùng", "Dũng", "Tấn", "Cộng", "Hà", "Cường", "Căn", "Lâm", "Sơn", "Hải",
    "Thắng", "Lợi", "Bình", "Nam", "Trung", "Kiên", "Tuấn", "Phong", "Thành", "Đông", "Chinh", "Hưng", "Long",
    "Khánh", "Toàn", "Vinh", "Hòa", "Thủy", "Huy", "Tài", "Đạt", "Phúc", "Lộc", "Thịnh", "Nghĩa", "Tùng", "Định",
    "Luận", "Chiến", "Quyết", "Thái", "Tiến", "Ước", "Ân", "Yên", "Oanh",
  ]

  static let positions = [
    "Thứ trưởng Bộ Quốc phòng", "Thứ trưởng Bộ Công an", "Tổng Tham mưu trưởng", "Phó Tổng Tham mưu trưởng",
    "Chủ nhiệm Tổng cục Chính trị", "Phó Chủ nhiệm Tổng cục Chính trị", "Tư lệnh Bộ đội Biên phòng",
    "Chính ủy Bộ đội Biên phòng", "Tư lệnh Cảnh sát biển", "Cục trưởng Cục Tác chiến", "Chánh Văn phòng Bộ Công an",
    "Phó Chánh Văn phòng Bộ Công an", "Tư lệnh Quân khu 9", "Chính ủy Quân khu 7", "Tham mưu trưởng Quân khu 4",
    "Phó tham mưu trưởng - Bộ CHQS tỉnh", "Chỉ huy trưởng Bộ CHQS tỉnh", "Giám đốc Công an tỉnh",
    "Phó Giám đốc Công an tỉnh", "Chỉ huy trưởng Bộ đội Biên phòng tỉnh", "Cục trưởng Cục Cảnh sát điều tra tội phạm về ma túy",
  ]
  static let partyPositions = [
    "Ủy viên Trung ương Đảng", "Ủy viên Thường vụ Quân ủy Trung ương", "Phó Bí thư Đảng ủy Công an Trung ương",
    "Ủy viên Bộ Chính trị",
  ]

  private static func makePeople(_ rng: inout SplitMix64) -> [Person] {
    var people: [Person] = [
      Person(name: "Nguyễn Tân Cương", rank: 2, promotedIn: 2021, positions: ["Tổng Tham mưu trưởng", "Thứ trưởng Bộ Quốc phòng"]),
      Person(name: "Trần Quốc Tỏ", rank: 2, promotedIn: 2022, positions: ["Thứ trưởng Bộ Công an"]),
      Person(name: "Phan Văn Giang", rank: 1, promotedIn: 2021, positions: ["Tổng Tham mưu trưởng", "Thứ trưởng Bộ Quốc phòng"]),
      Person(name: "Lương Tam Quang", rank: 2, promotedIn: 2023, positions: ["Thứ trưởng Bộ Công an"]),
      Person(name: "Đỗ Căn", rank: 1, promotedIn: nil, positions: ["Phó Chủ nhiệm Tổng cục Chính trị"]),
      Person(name: "Phùng Sĩ Tấn", rank: 2, promotedIn: nil, positions: ["Phó Tổng Tham mưu trưởng"]),
      Person(name: "Nguyễn Danh Cộng", rank: 3, promotedIn: 2021, positions: ["Chánh Văn phòng Bộ Công an"]),
      Person(name: "Huỳnh Ngọc Hà", rank: 3, promotedIn: nil, positions: ["Cục trưởng Cục Tác chiến"]),
      Person(name: "Nguyễn Văn Cường", rank: 5, promotedIn: 2024, positions: ["Phó tham mưu trưởng - Bộ CHQS tỉnh"]),
    ]
    var seen = Set(people.map(\.name))
    // Ranks cluster in the middle: news names colonels and generals far more than lieutenants.
    let rankWeights = [1, 6, 14, 22, 26, 18, 12, 8, 5, 3, 2, 1]
    let rankTotal = rankWeights.reduce(0, +)
    while people.count < 3000 {
      let name = "\(rng.pick(families)) \(rng.pick(middles)) \(rng.pick(givens))"
      guard seen.insert(name).inserted else { continue }
      var x = rng.below(rankTotal)
      var rank = 0
      while x >= rankWeights[rank] {
        x -= rankWeights[rank]
        rank += 1
      }
      var positions = [rng.pick(positions)]
      if rank <= 3 && rng.chance(0.5) { positions.insert(rng.pick(partyPositions), at: 0) }
      let promoted: Int? = rng.chance(0.3) ? rng.between(2016, 2026) : nil
      people.append(Person(name: name, rank: rank, promotedIn: promoted, positions: positions))
    }
    return people
  }

  private static func makeReporters(_ rng: inout SplitMix64) -> [String] {
    var out: [String] = ["KIỀU CHINH", "DUY ĐÔNG", "Việt Hưng", "Đặng Thạch"]
    while out.count < 200 {
      let name = rng.chance(0.5) ? "\(rng.pick(middles)) \(rng.pick(givens))" : "\(rng.pick(families)) \(rng.pick(givens))"
      out.append(rng.chance(0.5) ? name.uppercased() : name)
    }
    return out
  }

  // MARK: - Text

  /// Organisations as news text writes them.
  static let organizations = [
    "Bộ Công an", "Bộ Quốc phòng", "Bộ Tổng Tham mưu", "Tổng cục Chính trị", "Cục Tác chiến", "Quân ủy Trung ương",
    "Đảng ủy Công an Trung ương", "Bộ Chỉ huy Quân sự tỉnh", "Bộ đội Biên phòng", "Cảnh sát biển", "Quân khu 9",
    "UBND tỉnh", "Bộ CHQS tỉnh", "Công an tỉnh",
  ]

  /// Outlet markers that open a lead paragraph.
  static let sourceMarkers = ["(CT)- ", "BDK - ", "(QĐND) - ", "CAND - ", "(BCA) - ", "(PLO) - "]

  /// Headline openings and endings, recombined.
  static let titleHeads = [
    "Nâng cao hiệu quả công tác phối hợp", "Thực hiện tốt công tác phối hợp", "Phối hợp triển khai đồng bộ, toàn diện",
    "Tăng cường phối hợp", "Đẩy mạnh phối hợp", "Sơ kết công tác phối hợp", "Hội nghị giao ban", "Siết chặt phối hợp",
    "Phát huy hiệu quả phối hợp", "Giữ vững thế trận",
  ]
  static let titleTails = [
    ", đảm bảo an ninh quốc gia, an toàn xã hội", " các chiến lược quốc phòng, an ninh", " giữa hai lực lượng",
    " trong bảo vệ chủ quyền biên giới", " đấu tranh phòng, chống tội phạm", " giữa Quân đội và Công an",
    " bảo vệ vững chắc độc lập, chủ quyền", " trên tuyến biên giới biển", " phòng, chống ma túy",
    " trong tình hình mới",
  ]

  /// Photo captions; some are repeated twice in a row, as scrapers leave them.
  static let captions = [
    "Các đại biểu tham dự Hội nghị trực tuyến tại Công an TP Cần Thơ.", "Toàn cảnh hội nghị.",
    "Các đại biểu tham dự hội nghị.", "Các đại biểu trao đổi tại hội nghị.",
    "Các lực lượng phối hợp tuần tra khu vực biên giới biển.", "Quang cảnh buổi lễ ký kết quy chế phối hợp.",
    "Lực lượng chức năng kiểm tra phương tiện qua cửa khẩu.",
  ]

  /// Neutral sentences from the seeds: no person, date, number or document in them.
  static let sentences = [
    "Dưới sự lãnh đạo, chỉ đạo của Đảng và Nhà nước, trực tiếp là Quân ủy Trung ương, Đảng ủy Công an Trung ương, thủ trưởng Bộ Quốc phòng - Bộ Công an, sự vào cuộc của các cấp ủy, chính quyền địa phương, sự ủng hộ, giúp đỡ của các tầng lớp nhân dân, lực lượng công an và quân đội phối hợp chặt chẽ trong thực hiện nhiệm vụ bảo vệ an ninh quốc gia, bảo đảm trật tự an toàn xã hội, đấu tranh phòng chống tội phạm và nhiệm vụ quốc phòng, góp phần quan trọng duy trì bảo đảm quốc phòng, an ninh từ xa.",
    "Qua đó, giữ vững thế chủ động chiến lược, giữ vững ổn định chính trị, tạo môi trường an ninh, an toàn, phục vụ hiệu quả nhiệm vụ phát triển kinh tế xã hội và đối ngoại của đất nước.",
    "Công tác phối hợp giữa hai lực lượng được Đảng, Nhà nước và nhân dân ghi nhận, đánh giá cao.",
    "Hai lực lượng thường xuyên phối hợp trao đổi, kiểm tra, xác minh thông tin, thống nhất trong nhận định, đánh giá tình hình, kịp thời tham mưu nhiều chủ trương, biện pháp chiến lược và cụ thể trong công tác bảo đảm quốc phòng, an ninh, phù hợp từng địa bàn, lĩnh vực.",
    "Đồng thời, phối hợp rà soát, xây dựng kế hoạch, phương án sẵn sàng xử lý tình huống phức tạp, bảo đảm an ninh, an toàn mục tiêu trọng điểm, sự kiện chính trị quan trọng diễn ra trên cả nước.",
    "Hai lực lượng phối hợp triển khai quyết liệt các cao điểm tấn công, trấn áp tội phạm, tập trung giải quyết hiệu quả các vấn đề phức tạp nổi lên về trật tự an toàn xã hội: tội phạm ma túy, mua bán người, buôn lậu, vi phạm trong lĩnh vực công nghệ thông tin, mạng viễn thông…",
    "Công tác phối hợp trong xây dựng và bảo vệ lực lượng, huấn luyện, đào tạo và tổ chức diễn tập, ứng phó sự cố, thiên tai và cứu nạn, cứu hộ… cũng được thực hiện thường xuyên, hiệu quả.",
    "Ngoài ra, đẩy mạnh tuyên truyền, phổ biến chủ trương, chính sách pháp luật về quốc phòng, an ninh, giúp người dân nâng cao tinh thần cảnh giác, xây dựng hiệu quả hoạt động các mô hình tiên tiến trong phong trào Toàn dân bảo vệ an ninh Tổ quốc, góp phần bảo vệ chủ quyền lãnh thổ và an ninh biên giới quốc gia.",
    "Đồng thời tiếp tục nâng cao chất lượng hiệu quả công tác dân vận, tuyên truyền định hướng và đấu tranh phản bác các quan điểm sai trái, thù địch, xây dựng thế trận an ninh nhân dân gắn với thế trận quốc phòng toàn dân, bảo vệ vững chắc độc lập, chủ quyền lãnh thổ.",
    "Chủ động tham mưu với Đảng, Nhà nước, cấp ủy, chính quyền địa phương xử lý kịp thời hiệu quả các tình huống, không để bị động, bất ngờ.",
    "Trước mắt tập trung rà soát, bổ sung kế hoạch sẵn sàng chiến đấu, phương án bảo vệ các mục tiêu quan trọng, các sự kiện chính trị, văn hóa, đối ngoại của đất nước; tham mưu giúp cấp ủy, chính quyền sử dụng lực lượng vũ trang tham gia xử lý tình huống phức tạp về an ninh, trật tự ngay từ đầu tại cơ sở, tuyệt đối không để lan rộng, phức tạp, hình thành điểm nóng về an ninh, chính trị, trật tự an toàn xã hội; tăng cường hơn nữa công tác trao đổi thông tin giữa hai lực lượng, nhất là việc cung cấp thông tin về phòng, chống tội phạm, tình hình địa bàn.",
    "Nhận định, đánh giá, dự báo sớm tình hình chiến lược, kịp thời phối hợp tham mưu với Đảng, Nhà nước các biện pháp, đối sách đấu tranh bảo vệ vững chắc độc lập, chủ quyền, toàn vẹn lãnh thổ của Tổ quốc.",
    "Phối hợp tuần tra, kiểm tra chặt chẽ biên giới, cửa khẩu, vùng biển và đấu tranh phòng, chống tội phạm, nhất là tội phạm ma túy, tội phạm công nghệ cao, tội phạm có tổ chức, buôn lậu, gian lận thương mại...",
    "Chủ động nắm, theo dõi, nhận định, đánh giá, dự báo sớm tình hình thế giới, khu vực, âm mưu, hoạt động của các thế lực thù địch, phản động, tình hình Biển Đông, vùng biển Tây Nam, khu vực biên giới, các địa bàn trọng điểm..., kịp thời báo cáo, tham mưu với Đảng, Nhà nước các đối sách đấu tranh, bảo vệ vững chắc độc lập, chủ quyền toàn vẹn lãnh thổ của Tổ quốc, làm thất bại âm mưu chống phá của các thế lực thù địch, phản động, không để bị động, bất ngờ.",
    "Phối hợp nâng cao hiệu quả quản lý Nhà nước về an ninh mạng; tập trung trao đổi, xác minh thông tin liên quan đến âm mưu, thủ đoạn của kẻ thù; tình hình tư tưởng của nhân dân, nhất là những thông tin xấu độc trên mạng xã hội.",
    "Kịp thời đề xuất các giải pháp, đối sách đấu tranh, xử lý các vấn đề phức tạp, nhạy cảm về quốc phòng, an ninh.",
    "Hai lực lượng tăng cường tham gia xây dựng cấp ủy, chính quyền cơ sở vững mạnh, nâng cao công tác dân vận, tuyên truyền, xây dựng nền quốc phòng toàn dân, thế trận an ninh nhân dân gắn với xây dựng nông thôn mới trên địa bàn toàn quốc.",
    "Đồng thời làm tốt công tác bảo vệ chính trị nội bộ, không để kẻ xấu lợi dụng, chia rẽ và hạ thấp uy tín của lực lượng vũ trang...",
    "Năm qua, dưới sự lãnh đạo, chỉ đạo trực tiếp của Đảng ủy, Bộ Chỉ huy Quân sự (CHQS) tỉnh cùng với sự phối hợp nhịp nhàng của các lực lượng có liên quan, đã tạo được bước chuyển biến tích cực và toàn diện.",
    "Bên cạnh kết quả đạt được, nhận thức của một số cấp ủy, người chỉ huy và cán bộ, chiến sĩ cấp cơ sở về vị trí, vai trò, tầm quan trọng của nhiệm vụ công tác phối hợp chưa tốt.",
    "Nội dung, hình thức và phương pháp thiếu đồng bộ trong chỉ đạo và tổ chức thực hiện.",
    "Chất lượng trao đổi thông tin ở một số cơ quan, đơn vị chưa thống nhất; báo cáo vụ việc xảy ra trên địa bàn chưa kịp thời.",
    "Tăng cường đổi mới công tác phối hợp cụ thể hóa và tổ chức triển khai toàn diện, đồng bộ các chiến lược, nghị quyết, kết luận, đề án quan trọng của Đảng, Nhà nước về quốc phòng, an ninh (QP-AN) trong tình hình mới.",
    "Phối hợp tham mưu cấp ủy, chính quyền các cấp thực hiện chủ trương phát triển kinh tế - xã hội gắn với đảm bảo QP-AN, xây dựng thế trận quốc phòng toàn dân, thế trận an ninh nhân dân trong sự nghiệp xây dựng và bảo vệ Tổ quốc.",
    "Tham mưu giải quyết ổn định các mâu thuẫn trong xã hội, công tác phòng chống thiên tai, dịch bệnh, an sinh xã hội, không để phát sinh vụ việc phức tạp, hình thành “điểm nóng” về ANTT.",
    "Nâng cao chất lượng, hiệu quả công tác phối hợp vận động quần chúng, xây dựng phong trào Toàn dân bảo vệ an ninh Tổ quốc.",
    "Phối hợp tham mưu diễn tập khu vực phòng thủ tỉnh, huyện, thành phố, xã, phường, thị trấn phương án phòng chống thiên tai và tìm kiếm cứu nạn theo kế hoạch hàng năm.",
    "Luyện tập, thực tập xử lý tình huống theo các phương án đã xây dựng.",
    "Thực hiện tốt công tác tuyển sinh, đào tạo, tập huấn, huấn luyện, bồi dưỡng kiến thức QP-AN cho các đối tượng theo quy định, tạo nguồn tuyển chọn và gọi công dân nhập ngũ đạt chỉ tiêu, chất lượng đề ra.",
    "Triển khai quyết liệt các biện pháp phòng ngừa, đấu tranh trấn áp tội phạm và hành vi vi phạm pháp luật.",
    "Thực hiện có hiệu quả cao điểm tấn công, trấn áp tội phạm.",
    "Phối hợp tuần tra, kiểm tra, kiểm soát, chốt chặn trên các tuyến, địa bàn quan trọng, kịp thời phát hiện, phối hợp xử lý có hiệu quả các vụ việc và tình huống phức tạp phát sinh, góp phần đảm bảo quốc phòng, ANTT trên địa bàn tỉnh.",
    "Làm tốt công tác bảo vệ chính trị nội bộ, đấu tranh phản bác các luận điểm sai trái; âm mưu “phi chính trị hóa” lực lượng vũ trang, gây chia rẽ tư tưởng, bôi xấu hình ảnh lực lượng vũ trang.",
    "Tăng cường công tác kiểm tra, giám sát, sơ kết, tổng kết, rút kinh nghiệm, biểu dương, khen thưởng kịp thời cá nhân, tập thể thực hiện tốt công tác phối hợp.",
    "Phát huy những thành tích phối hợp đạt được trong năm vừa qua, thời gian tới, cán bộ, chiến sĩ lực lượng vũ trang tỉnh đoàn kết, thống nhất, phát huy trí tuệ, chủ động, sáng tạo, tiếp tục xây dựng đơn vị vững mạnh toàn diện, góp phần đảm bảo an ninh trật tự trên địa bàn tỉnh, hoàn thành xuất sắc mọi nhiệm vụ được giao, đáp ứng yêu cầu, nhiệm vụ trong giai đoạn cách mạng mới.",
    "Tại Hội nghị, các đại biểu thống nhất đánh giá thời gian qua, Văn phòng Bộ Công an và Cục Tác chiến Bộ Tổng tham mưu - Bộ Quốc phòng tiếp tục phối hợp chặt chẽ, tích cực tham mưu cho lãnh đạo hai Bộ chỉ đạo triển khai, xây dựng, thực hiện nhiều kế hoạch, phương án đảm bảo an ninh trật tự.",
    "Đấu tranh, ngăn chặn âm mưu hoạt động chống phá của các thế lực thù địch, thực hiện quyết liệt cao điểm tấn công trấn áp tội phạm; góp phần giữ vững đảm bảo an ninh trật tự.",
    "Hai lực lượng đã tổ chức hàng nghìn lượt tuần tra, kiểm soát, chống buôn lậu và chống các hoạt động tội phạm qua biên giới; vận động hàng nghìn lượt hộ dân đăng ký tham gia tự quản đường biên, mốc giới.",
    "Phát hiện, bắt giữ nhiều đối tượng phạm tội về ma túy, thu giữ hàng chục bánh hêrôin, hàng trăm viên ma túy tổng hợp; phục vụ đắc lực hoạt động phát triển kinh tế - xã hội và đối ngoại của đất nước.",
    "Triển khai tốt các kế hoạch đảm bảo an ninh chính trị, trật tự an toàn xã hội đặc biệt trong dịp Kỷ niệm Giải phóng miền Nam thống nhất đất nước, Ngày Truyền thống Công an nhân dân; các sự kiện chính trị, các hoạt động của lãnh đạo Đảng, Nhà nước, các đoàn đại biểu quốc tế đến Việt Nam.",
    "Chú trọng các địa bàn trọng điểm, tham mưu, xử lý các tình huống từ cơ sở.",
    "Tham mưu cho Thủ trưởng hai Bộ chỉ đạo các cơ quan chức năng phối hợp chặt chẽ công tác quản lý xuất nhập cảnh, bảo vệ an ninh mạng, tuyên truyền, phản bác luận điệu xuyên tạc của các thế lực thù địch; phối hợp đấu tranh phòng, chống tội phạm, nhất là tội phạm có tổ chức, tội phạm công nghệ cao, tội phạm có yếu tố nước ngoài, tội phạm sử dụng vũ khí nóng, tội phạm ma túy…",
    "Không ngừng nâng cao chất lượng, hiệu quả công tác trao đổi, kiểm tra xác minh thông tin, thống nhất trong đánh giá, dự báo tình hình liên quan; xây dựng hoạt động tác chiến khu vực phòng thủ gắn thế trận quốc phòng toàn dân với thế trận an ninh nhân dân; nâng cao hiệu quả các mặt công tác, hoàn thành thắng lợi các nhiệm vụ được giao...",
    "Lực lượng Bộ đội Biên phòng, Cảnh sát biển và công an các đơn vị, địa phương phối hợp xây dựng, triển khai thực hiện nhiều kế hoạch nghiệp vụ đấu tranh, ngăn chặn hoạt động xâm phạm an ninh quốc gia và hoạt động của các loại tội phạm, buôn lậu, gian lận thương mại và hàng giả.",
    "Triệt phá nhiều đường dây tội phạm xuyên quốc gia, nhất là các đường dây mua bán, vận chuyển ma túy xuyên quốc gia với số lượng lớn.",
    "Bên cạnh đó, lực lượng quân đội, công an đã chủ động phối hợp nắm tình hình, trao đổi, chia sẻ thông tin về tình hình an ninh, hoạt động của các loại tội phạm; phối hợp làm tốt công tác phòng ngừa, đấu tranh, ngăn chặn âm mưu, hoạt động chống phá của các thế lực thù địch, phản động ở khu vực biên giới và tại các địa bàn chiến lược.",
    "Cơ quan chức năng hai bộ đã phối hợp theo dõi, ngăn chặn, bóc gỡ nhiều đường link, liên kết tài khoản mạng xã hội, kênh phản động, xấu độc chống phá Đảng, Nhà nước và vi phạm pháp luật.",
    "Trong công tác phòng, chống thiên tai, tìm kiếm cứu nạn được hai lực lượng chú trọng triển khai thực hiện, coi đây là nhiệm vụ chiến đấu trong thời bình.",
    "Bộ Quốc phòng chủ trì, phối hợp các bộ, ngành tham mưu xây dựng, triển khai Luật Phòng thủ dân sự.",
    "Quân đội, Công an các đơn vị, địa phương luôn phát huy vai trò nòng cốt, là chỗ dựa vững chắc cho cấp ủy, chính quyền và nhân dân trong triển khai công tác phòng chống thiên tai, bão lũ, tổ chức cứu hộ, cứu nạn, giúp đỡ nhân dân khắc phục hậu quả thiên tai.",
    "Hai lực lượng tiếp tục tăng cường phối hợp đấu tranh làm thất bại mọi âm mưu, hoạt động chống phá của các thế lực thù địch, phản động, nhất là đối với âm mưu, hoạt động tình báo, gián điệp, tác động chuyển hóa nội bộ, tuyên truyền phá hoại tư tưởng; triển khai các giải pháp bảo đảm an ninh mạng, an ninh thông tin, kịp thời phát hiện, vô hiệu hóa hoạt động sử dụng không gian mạng để xâm phạm an ninh quốc gia.",
    "Các cơ quan, đơn vị quân đội, công an phối hợp triển khai quyết liệt các biện pháp phòng ngừa, đấu tranh trấn áp các loại tội phạm, nhất là đấu tranh với tội phạm có tổ chức, xuyên quốc gia, tội phạm ma túy, buôn lậu, gian lận thương mại…",
    "Tiếp tục phát huy vai trò nòng cốt, xung kích tuyến đầu trên mặt trận phòng, chống thiên tai, dịch bệnh; tích cực tham gia thực hiện công tác bảo đảm an sinh xã hội, an dân, phục hồi và phát triển toàn diện các mặt của đời sống xã hội.",
  ]

  /// Headlines for the related-articles block, which extraction must drop with everything after it.
  static let relatedHeadlines = [
    "Lời hiệu triệu cho hành trình mới của nội lực, đoàn kết, khát vọng phát triển",
    "Quốc hội tiếp tục đổi mới, tạo nền tảng thể chế đưa đất nước phát triển nhanh, bền vững",
    "Bộ Tư lệnh Bộ đội Biên phòng thăm, kiểm tra công tác sẵn sàng chiến đấu tại Biên phòng thành phố Hải Phòng",
    "Trân trọng lắng nghe ý kiến đóng góp để Quốc hội hoàn thành tốt trọng trách trong giai đoạn phát triển mới",
    "Triệt phá đường dây mua bán trái phép chất ma túy xuyên quốc gia",
    "Nâng cao hiệu quả phối hợp tuần tra song phương trên tuyến biên giới",
  ]
}

// Synthetic articles in the style of the seeds. Each article is a pure function of (seed, index):
// it draws from its own generator, so articles can be built on any number of threads and the
// output is still the same bytes.

import Foundation
import TinqText
import TinqSupport

/// `CorpusFormat` is how a generated corpus is written.
enum CorpusFormat: String, Sendable, CaseIterable {
  /// One `.txt` file per article in a directory; the id is the file name.
  case txt
  /// One JSON Lines file; the title and dateline stay inside `body`, as a scraper leaves them.
  case jsonl
}

/// `GeneratedArticle` is one synthetic article before it is written out.
struct GeneratedArticle: Sendable, Equatable {
  /// The id (file name without extension, or the JSONL `id`).
  var id: String
  /// The whole text, title and dateline included.
  var text: String
  /// A URL, given to some JSONL records as partial metadata.
  var url: String?
  /// The outlet marker, given to some JSONL records as partial metadata.
  var source: String?
}

/// `ArticleGenerator` builds synthetic articles deterministically from a seed.
struct ArticleGenerator: Sendable {
  /// The corpus seed.
  let seed: UInt64
  /// What the articles are made of.
  let pools: Pools

  /// The fraction of articles citing 03/2019/NĐ-CP in full; PERFORMANCE.md's corpus has 77%.
  static let frequentCitationRate = 0.74
  /// The fraction citing it only through a short reference (`Nghị định số 03`).
  static let shortReferenceRate = 0.05

  /// `version` changes whenever the output for a given seed changes, so stale corpora are rebuilt.
  static let version = 2

  /// `init(seed:pools:)` makes a generator.
  init(seed: UInt64, pools: Pools = .standard) {
    self.seed = seed
    self.pools = pools
  }

  /// `article(_:)` builds article number `index`.
  func article(_ index: Int) -> GeneratedArticle {
    var rng = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
    _ = rng.next()
    var w = ArticleWriter(pools: pools, rng: rng, index: index)
    return w.write()
  }
}

/// The state of writing one article: what it will cite and mention, and the text so far.
private struct ArticleWriter {
  let pools: Pools
  var rng: SplitMix64
  let index: Int

  let year: Int
  let month: Int
  let day: Int
  let province: String
  var text = ""
  // Citations not yet written, each with whether a short reference may follow it.
  var pendingDocs: [LegalDocument] = []
  var writtenDocs: [LegalDocument] = []
  var pendingPeople: [Person] = []
  var introduced: [Person] = []

  static let provinces = [
    "Cần Thơ", "Cao Bằng", "Lạng Sơn", "Quảng Ninh", "Hà Giang", "Lào Cai", "Điện Biên", "Nghệ An", "Hà Tĩnh",
    "Quảng Bình", "Quảng Trị", "Quảng Nam", "Kiên Giang", "An Giang", "Bến Tre", "Cà Mau", "Bạc Liêu", "Sóc Trăng",
    "Đồng Tháp", "Tây Ninh", "Bình Phước", "Gia Lai", "Kon Tum", "Đắk Lắk", "Lâm Đồng", "Khánh Hòa", "Bình Định",
    "Phú Yên", "Thanh Hóa", "Sơn La", "Lai Châu", "Long An",
  ]

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  init(pools: Pools, rng: SplitMix64, index: Int) {
    self.pools = pools
    self.rng = rng
    self.index = index
    year = self.rng.between(2015, 2026)
    month = self.rng.between(1, 12)
    day = self.rng.between(1, ArticleWriter.daysIn(month: month, year: year))
    province = self.rng.pick(ArticleWriter.provinces)
  }

  mutating func write() -> GeneratedArticle {
    let idBits = rng.next()
    let id = String(format: "%06d_%016llx", index, idBits)
    let hasTitle = !rng.chance(0.10)
    let hasDate = !rng.chance(0.10)
    let frequent = rng.unit()
    let citesFull = frequent < ArticleGenerator.frequentCitationRate
    let citesShortOnly = !citesFull && frequent < ArticleGenerator.frequentCitationRate + ArticleGenerator.shortReferenceRate

    if citesFull { pendingDocs.append(pools.documents[0]) }
    var seenDocs = Set<String>()
    for _ in 0..<rng.below(4) {
      let doc = pools.documents[1 + pools.documentSkew.sample(&rng)]
      if seenDocs.insert(doc.number).inserted { pendingDocs.append(doc) }
    }
    var seenPeople = Set<String>()
    for _ in 0..<rng.between(2, 5) {
      let p = pools.people[pools.personSkew.sample(&rng)]
      if seenPeople.insert(p.name).inserted { pendingPeople.append(p) }
    }
    let source: String? = rng.chance(0.35) ? rng.pick(Pools.sourceMarkers) : nil

    // Date style: 0–3 are site datelines, 4–7 are only the text's own statements, of which Tinq reads
    // the present (`Hôm nay (9-2-2022), `, style 4) and a reporting period (style 6), not an
    // event's date (`Sáng 9/2/2022, `, style 7) nor a day-month completed later (style 5).
    let style = hasDate ? weightedStyle() : -1
    let title = hasTitle ? makeTitle() : nil
    switch style {
    case 0:
      line(dateline())
      if let title { line(title) }
    case 1, 2, 3:
      if let title { line(title) }
      line(style == 1 ? dateline() : style == 2 ? clockFirstDateline() : updatedDateline())
    default:
      if let title { line(title) }
    }

    writeLead(style: style, source: source, shortOnly: citesShortOnly)
    writeCoChairs()

    let target = rng.between(4600, 6400)
    var paragraphs = 0
    while text.utf8.count < target || paragraphs < 3 {
      writeParagraph()
      paragraphs += 1
      if rng.chance(0.22) { writeCaption() }
    }
    if !pendingDocs.isEmpty { writeCitationList() }
    while let p = pendingPeople.first {
      pendingPeople.removeFirst()
      line("Phát biểu tại hội nghị, \(intro(p)) đánh giá cao kết quả phối hợp giữa hai lực lượng trong thời gian qua.")
    }
    writeTail()

    var body = text
    if rng.chance(0.08) { body = oldToneMarks(body) }
    if rng.chance(0.04) { body = body.decomposedStringWithCanonicalMapping }
    let url: String? = rng.chance(0.3) ? "https://tinq.example/bai-viet/\(id).html" : nil
    let sourceKey: String? = source != nil && rng.chance(0.3) ? markerCode(source ?? "") : nil
    return GeneratedArticle(id: id, text: body, url: url, source: sourceKey)
  }

  // MARK: - Pieces

  mutating func line(_ s: String) {
    if !text.isEmpty { text += "\n\n" }
    text += s
  }

  mutating func weightedStyle() -> Int {
    let weights = [25, 15, 8, 7, 18, 10, 10, 7]
    var x = rng.below(weights.reduce(0, +))
    var i = 0
    while x >= weights[i] {
      x -= weights[i]
      i += 1
    }
    return i
  }

  func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

  mutating func clock() -> String { "\(two(rng.between(5, 23))):\(two(rng.below(60)))" }

  mutating func dateline() -> String { "\(two(day))/\(two(month))/\(year) - \(clock())" }

  mutating func clockFirstDateline() -> String { "\(clock()), \(two(day))/\(two(month))/\(year)" }

  mutating func updatedDateline() -> String {
    "Cập nhật ngày: \(two(day))/\(two(month))/\(year) \(clock()):\(two(rng.below(60)))"
  }

  mutating func makeTitle() -> String {
    if rng.chance(0.12) { return "Thực hiện tốt công tác phối hợp theo Nghị định số 03/2019/NĐ-CP" }
    return rng.pick(Pools.titleHeads) + rng.pick(Pools.titleTails)
  }

  func markerCode(_ marker: String) -> String {
    String(marker.unicodeScalars.filter { $0.properties.isUppercase || $0 == "Đ" }.map(Character.init))
  }

  /// A cited document as news text writes it on first mention.
  mutating func fullCitation(_ doc: LegalDocument) -> String {
    var s = "\(doc.type) số \(doc.number)"
    if let date = doc.dateText, rng.chance(0.4) {
      s += " ngày " + (rng.chance(0.5) ? date : date.replacingOccurrences(of: "-", with: "/"))
    }
    if rng.chance(0.6) { s += " " + doc.issuerPhrase }
    return s
  }

  mutating func nextCitation() -> String? {
    guard !pendingDocs.isEmpty else { return nil }
    let doc = pendingDocs.removeFirst()
    writtenDocs.append(doc)
    return fullCitation(doc)
  }

  func rankName(_ p: Person, lowercase: Bool = false) -> String {
    let r = Pools.ranks[p.rank(in: year)]
    return "\(lowercase ? r.lowercased() : r) \(p.name)"
  }

  func position(_ p: String) -> String { p.hasSuffix("tỉnh") ? "\(p) \(province)" : p }

  /// A person's first mention: rank, name and positions.
  mutating func intro(_ p: Person) -> String {
    introduced.append(p)
    let positions = p.positions.map(position).joined(separator: ", ")
    if rng.chance(0.05) { return "\(Pools.ranks[p.rank(in: year)]), PGS.TS \(p.name), \(positions)" }
    return "\(rankName(p, lowercase: rng.chance(0.05))), \(positions)"
  }

  mutating func takePerson() -> Person? {
    guard !pendingPeople.isEmpty else { return nil }
    return pendingPeople.removeFirst()
  }

  func orgPair(_ rng: inout SplitMix64) -> (String, String) {
    rng.chance(0.6) ? ("Bộ Công an", "Bộ Quốc phòng") : ("Bộ Quốc phòng", "Bộ Công an")
  }

  func cap(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

  mutating func writeLead(style: Int, source: String?, shortOnly: Bool) {
    var prefix = source ?? ""
    var yearSuffix = ""
    switch style {
    case 0: prefix += "Ngày \(day)-\(month)-\(year), "
    case 4: prefix += "\(rng.pick(["Hôm nay", "Sáng nay", "Chiều nay"])) (\(day)-\(month)-\(year)), "
    case 5:
      prefix += "Ngày \(day)/\(month), "
      yearSuffix = " năm \(year)"
    case 6: prefix += "6 tháng đầu năm \(year), "
    case 7: prefix += "\(rng.pick(["Sáng", "Chiều"])) \(day)/\(month)/\(year), "  // an event's date: no year
    default: if rng.chance(0.5) { prefix += rng.pick(["Mới đây, ", "Vừa qua, "]) }
    }
    let cite: String
    if shortOnly {
      cite = rng.pick(["Nghị định số 03", "Nghị định số 03/NĐ-CP", "Nghị định 03"])
    } else if let c = nextCitation() {
      cite = c
    } else {
      cite = "các chiến lược, nghị quyết của Đảng"
    }
    let (a, b) = orgPair(&rng)
    let lead: String
    switch rng.below(3) {
    case 0:
      lead = "\(a) và \(b) tổ chức Hội nghị giao ban\(rng.chance(0.5) ? " trực tuyến" : "") quán triệt, triển khai \(cite) về phối hợp giữa Bộ Công an và Bộ Quốc phòng trong thực hiện nhiệm vụ bảo vệ an ninh quốc gia, bảo đảm trật tự an toàn xã hội, đấu tranh phòng chống tội phạm và nhiệm vụ quốc phòng\(yearSuffix)."
    case 1:
      lead = "\(a) phối hợp \(b) tổ chức Hội nghị giao ban giữa hai bộ thực hiện \(cite)\(yearSuffix)."
    default:
      lead = "lực lượng quân đội và công an các cấp đã tổ chức quán triệt, triển khai thực hiện thống nhất, hiệu quả nội dung, biện pháp phối hợp theo đúng \(cite)\(yearSuffix)."
    }
    line(prefix + (prefix.isEmpty || prefix.hasSuffix("- ") ? cap(lead) : lead))
  }

  mutating func writeCoChairs() {
    guard pendingPeople.count >= 2, let p1 = takePerson(), let p2 = takePerson() else { return }
    var s = "\(intro(p1)) và \(intro(p2)), đồng chủ trì hội nghị."
    if let p3 = takePerson(), rng.chance(0.6) { s += " Dự hội nghị có \(intro(p3))." }
    line(s)
  }

  mutating func sentence() -> String {
    let roll = rng.unit()
    if roll < 0.10, let c = nextCitation() {
      switch rng.below(3) {
      case 0: return "Các cơ quan, đơn vị duy trì và thực hiện nghiêm \(c)."
      case 1: return "Hai bộ bám sát các nội dung trong \(c), phối hợp chặt chẽ hơn nữa trong thực hiện nhiệm vụ quốc phòng, an ninh."
      default: return "Thực hiện tốt công tác phối hợp theo \(c), góp phần bảo vệ an ninh quốc gia, bảo đảm trật tự, an toàn xã hội."
      }
    }
    if roll < 0.16, let p = takePerson() {
      switch rng.below(4) {
      case 0: return "Phát biểu tại hội nghị, \(intro(p)) đề nghị các cơ quan chức năng tiếp tục phối hợp cụ thể hóa, tổ chức triển khai toàn diện, đồng bộ các chiến lược, nghị quyết, kết luận, đề án quan trọng của Đảng, Nhà nước về quốc phòng, an ninh trong tình hình mới."
      case 1:
        introduced.append(p)
        return "Về phương hướng, nhiệm vụ phối hợp trong thời gian tới, \(position(p.positions[p.positions.count - 1])) \(p.name) nhấn mạnh cần tăng phối hợp chặt chẽ hơn nữa trong đấu tranh, ngăn chặn mọi âm mưu, hoạt động chống phá của các thế lực thù địch."
      case 2: return "Tham dự hội nghị có \(intro(p))."
      default: return "\(cap(intro(p))) yêu cầu thời gian tới, các đơn vị chủ động nắm tình hình, trao đổi thông tin, làm tốt công tác dự báo, phòng chống các loại tội phạm, đặc biệt ở tuyến biên giới."
      }
    }
    if roll < 0.19, let p = introduced.last {
      return "\(rankName(p)) đánh giá cao kết quả phối hợp giữa hai bộ trong thời gian qua."
    }
    if roll < 0.21, let doc = writtenDocs.last {
      return "Thực hiện \(doc.type) số \(doc.shortNumber), các đơn vị đã rà soát, bổ sung quy chế phối hợp."
    }
    if roll < 0.23 {
      let cases = rng.between(20, 1500)
      let people = cases + rng.between(0, 900)
      return "Hai lực lượng đã phối hợp xác lập đấu tranh thành công \(rng.between(2, 40)) chuyên án; bắt giữ, xử lý \(cases) vụ với \(grouped(people)) đối tượng phạm tội và vi phạm pháp luật."
    }
    if roll < 0.245 {
      return rng.pick([
        "Đặc biệt hai lực lượng đã phối hợp bảo đảm an toàn tuyệt đối Đại hội Đảng các cấp, Đại hội lần thứ XIII của Đảng; bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026.",
        "Kết quả giai đoạn 2016 - 2021 cho thấy công tác phối hợp ngày càng chặt chẽ, hiệu quả.",
        "Tàu cá KG-94793-TS bị lực lượng Cảnh sát biển kiểm tra, xử lý theo quy định.",
        "Đường dây nóng của Công an tỉnh \(province) tiếp nhận hàng trăm tin báo tố giác tội phạm.",
      ])
    }
    // Skewed towards the first sentences so that some phrases are common and others rare.
    let i = min(Int(Double(Pools.sentences.count) * rng.unit() * rng.unit() * 1.6), Pools.sentences.count - 1)
    return Pools.sentences[(i + 7) % Pools.sentences.count]
  }

  func grouped(_ n: Int) -> String {
    n < 1000 ? "\(n)" : "\(n / 1000).\(String(format: "%03d", n % 1000))"
  }

  mutating func writeParagraph() {
    var parts: [String] = []
    for _ in 0..<rng.between(2, 5) { parts.append(sentence()) }
    line(parts.joined(separator: " "))
  }

  mutating func writeCaption() {
    var caption = rng.pick(Pools.captions)
    if let p = introduced.last, rng.chance(0.4) { caption = "\(rankName(p)) phát biểu tại hội nghị." }
    if rng.chance(0.3) { caption += " Ảnh: \(rng.pick(pools.reporters))" }
    switch rng.below(3) {
    case 0: line("leftcenterrightdel\n" + caption)
    case 1: line(caption + "\n" + caption)
    default: line(caption)
    }
  }

  mutating func writeCitationList() {
    var cites: [String] = []
    while let c = nextCitation() { cites.append(c) }
    let list = cites.count == 1 ? cites[0] : cites.dropLast().joined(separator: "; ") + " và " + (cites.last ?? "")
    line("Các cơ quan, đơn vị tiếp tục quán triệt, thực hiện nghiêm \(list).")
  }

  mutating func writeTail() {
    switch rng.below(10) {
    case 0..<5: line("Tin, ảnh: \(rng.pick(pools.reporters))")
    case 5, 6:
      let p = pools.people[rng.below(pools.people.count)]
      line(rankName(p))
      line(position(p.positions[p.positions.count - 1]))
    case 7: line(rng.pick(pools.reporters))
    default: break
    }
    if rng.chance(0.3) { line("Chia sẻ bài viết") }
    if rng.chance(0.1) { line("BÌNH LUẬN") }
    if rng.chance(0.15) { writeRelated() }
  }

  /// A related-articles block: names, dates and citations here belong to other articles.
  mutating func writeRelated() {
    line("Có thể bạn quan tâm")
    for _ in 0..<rng.between(2, 4) {
      let p = pools.people[rng.below(pools.people.count)]
      line("\(rankName(p)) phát biểu tại buổi làm việc. (Ảnh: TTXVN)")
      line(rng.pick(Pools.relatedHeadlines))
      let d = rng.between(1, 28)
      let m = rng.between(1, 12)
      let y = rng.between(2015, 2026)
      let doc = pools.documents[rng.below(pools.documents.count)]
      line("Sáng \(d)/\(m)/\(y), \(rankName(p)) đã đến thăm, kiểm tra công tác sẵn sàng chiến đấu và quán triệt \(doc.type) số \(doc.number).")
    }
  }

  /// The older tone placement (`hoà`, `Uỷ`) that official texts still mix with the newer one.
  func oldToneMarks(_ s: String) -> String {
    s.replacingOccurrences(of: "Ủy", with: "Uỷ").replacingOccurrences(of: "hóa", with: "hoá")
      .replacingOccurrences(of: "Hòa", with: "Hoà").replacingOccurrences(of: "thủy", with: "thuỷ")
  }
}

/// `CorpusWriter` writes `count` generated articles in a format, using every core.
struct CorpusWriter {
  /// The generator.
  let generator: ArticleGenerator

  /// `write(count:format:to:)` writes the corpus and returns the bytes of article text written.
  @discardableResult
  func write(count: Int, format: CorpusFormat, to path: String) throws -> Int {
    let fm = FileManager.default
    if format == .txt {
      try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
    } else {
      let dir = (path as NSString).deletingLastPathComponent
      if !dir.isEmpty { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
      guard fm.createFile(atPath: path, contents: nil) else { throw GeneratorError.cannotWrite(path) }
    }
    let jsonl = format == .jsonl ? FileHandle(forWritingAtPath: path) : nil
    if format == .jsonl && jsonl == nil { throw GeneratorError.cannotWrite(path) }
    defer { try? jsonl?.close() }

    let chunk = 500
    let batch = 16
    var start = 0
    var total = 0
    while start < count {
      let chunks = min(batch, (count - start + chunk - 1) / chunk)
      let slots = Slots(count: chunks)
      let base = start
      let gen = generator
      let dir = path
      DispatchQueue.concurrentPerform(iterations: chunks) { c in
        let lo = base + c * chunk
        let hi = min(lo + chunk, count)
        var out: [UInt8] = []
        var bytes = 0
        var failure: String? = nil
        if format == .jsonl { out.reserveCapacity((hi - lo) * 7000) }
        for i in lo..<hi {
          let a = gen.article(i)
          bytes += a.text.utf8.count
          if format == .jsonl {
            appendJSONLine(a, to: &out)
          } else if !FileManager.default.createFile(atPath: dir + "/" + a.id + ".txt", contents: Data(a.text.utf8)) {
            failure = dir + "/" + a.id + ".txt"
          }
        }
        slots.set(c, out, bytes: bytes, failure: failure)
      }
      for c in 0..<chunks {
        let (out, bytes, failure) = slots.get(c)
        if let failure { throw GeneratorError.cannotWrite(failure) }
        if let jsonl, !out.isEmpty { try jsonl.write(contentsOf: out) }
        total += bytes
      }
      start += chunks * chunk
    }
    return total
  }
}

/// `GeneratorError` is a failure to write the corpus.
enum GeneratorError: Error, CustomStringConvertible {
  case cannotWrite(String)

  var description: String {
    switch self {
    case .cannotWrite(let p): return "cannot write \(p)"
    }
  }
}

/// Per-chunk outputs filled in by concurrent workers; the lock makes the handoff safe.
private final class Slots: @unchecked Sendable {
  private var outs: [[UInt8]]
  private var bytes: [Int]
  private var failures: [String?]
  private let lock = NSLock()

  init(count: Int) {
    outs = Array(repeating: [], count: count)
    bytes = Array(repeating: 0, count: count)
    failures = Array(repeating: nil, count: count)
  }

  func set(_ i: Int, _ out: [UInt8], bytes b: Int, failure: String?) {
    lock.lock()
    defer { lock.unlock() }
    outs[i] = out
    bytes[i] = b
    failures[i] = failure
  }

  func get(_ i: Int) -> ([UInt8], Int, String?) {
    lock.lock()
    defer { lock.unlock() }
    return (outs[i], bytes[i], failures[i])
  }
}

/// `appendJSONLine(_:to:)` writes one JSON Lines record; only `id` and `body` are always present.
func appendJSONLine(_ a: GeneratedArticle, to out: inout [UInt8]) {
  out.append(contentsOf: #"{"id":"#.utf8)
  appendJSONString(a.id, to: &out)
  if let url = a.url {
    out.append(contentsOf: #","url":"#.utf8)
    appendJSONString(url, to: &out)
  }
  if let source = a.source {
    out.append(contentsOf: #","source":"#.utf8)
    appendJSONString(source, to: &out)
  }
  out.append(contentsOf: #","body":"#.utf8)
  appendJSONString(a.text, to: &out)
  out.append(contentsOf: "}\n".utf8)
}

/// `appendJSONString(_:to:)` writes a JSON string literal, escaping on UTF-8 bytes.
func appendJSONString(_ s: String, to out: inout [UInt8]) {
  let hex: [UInt8] = Array("0123456789abcdef".utf8)
  out.append(UInt8(ascii: "\""))
  for b in s.utf8 {
    switch b {
    case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
    case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
    case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
    case UInt8(ascii: "\r"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
    case UInt8(ascii: "\t"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
    case 0..<0x20:
      out.append(contentsOf: Array(#"\u00"#.utf8))
      out.append(hex[Int(b >> 4)])
      out.append(hex[Int(b & 0xF)])
    default: out.append(b)
    }
  }
  out.append(UInt8(ascii: "\""))
}

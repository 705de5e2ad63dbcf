import TinqText
import TinqFacts
import TinqSupport

/// `OrganizationRules` holds the checks around an organisation's mention that decide whether it
/// names a body at all: an outlet's own dateline (`VTV.vn - ...`), a photo or story credit
/// (`Ảnh: Reuters`, `(TTXVN)` closing a story), a title that holds a body's name (`Thủ tướng
/// Chính phủ`), a generic use (`Chính phủ hai nước`); and the words that end a name because they
/// begin a verb (`Bộ Công Thương tổ chức`).
enum OrganizationRules {
  /// Second parts of web addresses: `VTV.vn`, `VnExpress.net` name a site, here the outlet's own.
  static let webSuffixes = WordSet(["vn", "com", "net", "org", "info", "tv"])

  /// Words before a colon that make what follows a credit: `Ảnh: Reuters`, `Nguồn: AFP`,
  /// `Ảnh minh họa: RT`.
  static let creditWords = WordSet(["ảnh", "nguồn", "họa", "hoạ", "photo", "video", "clip", "đồ"])

  /// Lowercase two-word verbs and function pairs that never continue a name: the syllable before
  /// them is not a name's second syllable (`Bộ Công Thương tổ chức`, `Tập đoàn Huawei biện bạch`).
  static let verbPairs = PhraseSet(
    [
      "tổ chức", "khẳng định", "cho biết", "cho rằng", "thông báo", "công bố", "phát hiện", "yêu cầu",
      "đề nghị", "tiến hành", "quyết định", "phối hợp", "ban hành", "triển khai", "hướng dẫn", "chỉ đạo",
      "xác nhận", "tiếp nhận", "thực hiện", "bắt giữ", "khởi tố", "xử lý", "phát biểu", "biện bạch", "biện hộ",
      "mở rộng", "tháng năm", "hồi tháng", "hồi năm", "năm nay", "năm ngoái", "tuyên bố", "bác bỏ", "kêu gọi",
      "đưa tin", "đã có", "ký kết", "trao tặng", "tặng thưởng", "giới thiệu", "tham gia", "lên án", "chấp thuận",
      "phê duyệt", "phê chuẩn", "cảnh báo", "nhấn mạnh", "khai trương", "ra mắt", "hỗ trợ", "mua lại",
      "truy tố", "xét xử", "bắt đầu", "cấp phép", "cung cấp", "thu hồi", "tạm giữ", "trực thuộc",
    ])

  /// Lowercase words after `Chính phủ` that make it generic: `Chính phủ hai nước`, `Chính phủ nào`,
  /// `Chính phủ của Tổng thống ...`, `Chính phủ các nước`.
  static let genericAfter = WordSet(["hai", "nào", "các", "của", "ba", "những", "mỗi", "từng"])
  static let hChinhPhu = ScanText.wordHashes("Chính phủ")
  static let hThuTuong = ScanText.wordHashes("Thủ tướng")

  /// Words after `về` that begin a document or a topic, not a body's field: `Bộ Công an về Luật ...`.
  static let documentWords = WordSet(
    ["luật", "nghị", "quyết", "thông", "dự", "đề", "kế", "chương", "báo", "tờ", "chỉ", "hiến", "bộ", "việc", "vụ"])

  /// Gaps that join agencies credited together: `AFP/TTXVN`, `AFP- TTXVN`, `AFP - TTXVN`.
  static let creditJoins: [[UInt8]] = [[0x2F], [0x2F, 0x20], [0x2D], [0x2D, 0x20], [0x20, 0x2D, 0x20], [0x20, 0x2F, 0x20]]

  /// `isWebAddress(_:after:)` tells whether the word after `end` is a web suffix glued by a dot.
  static func isWebAddress(_ line: TextLine, after end: Int) -> Bool {
    let w = line.words
    return end + 1 < w.count && line.gap(after: end).elementsEqual([0x2E]) && webSuffixes.contains(w[end + 1].hash)
  }

  /// Heads of outlets, which a paper named after the body it belongs to shares with that body:
  /// `Báo CAND` names the paper, not `Công an nhân dân`.
  static let outletHeads = PhraseTable<Bool>([("Báo", true), ("Tạp chí", true), ("Nhà xuất bản", true)])

  /// The words that open a site's copyright line: `Bản quyền thuộc về ...`.
  static let hCopyright = ScanText.wordHashes("Bản quyền thuộc về")

  /// Dashes after an outlet's abbreviation that make it a dateline: `QĐND - `, `QĐND– `.
  static let datelineDashes: [[UInt8]] = [[0x20, 0x2D, 0x20], [0x2D, 0x20], [0x20, 0xE2, 0x80, 0x93, 0x20], [0xE2, 0x80, 0x93, 0x20]]

  /// `isOwnOutlet(_:_:)` tells whether an outlet at word `i` stands in the site's copyright line
  /// (`Bản quyền thuộc về Tinq.vn - Báo điện tử của Báo Sức khỏe Mới`): the site's own.
  static func isOwnOutlet(_ line: TextLine, _ i: Int) -> Bool {
    let w = line.words
    let n = hCopyright.count
    guard i >= n, w[i].isCapitalized, outletHeads.match(line, at: i) != nil else { return false }
    for s in 0...(i - n) where w[s..<(s + n)].elementsEqual(hCopyright, by: { $0.hash == $1 }) { return true }
    return false
  }

  /// Outlets by the names and codes they are written with (`VietNamNet`, `Dân trí`, `ANTĐ`).
  static let outletNames = PhraseTable<Bool>(Set(Sources.codes.keys).union(Sources.codes.values).map { ($0, true) })
  static let hCho = ScanText.wordHashes("cho")[0]
  static let hBiet = ScanText.wordHashes("biết")[0]
  static let hGui = ScanText.wordHashes("gửi")[0]

  /// `isAddressedOutlet(_:_:_:)` tells whether an outlet at words `i..<i+count` (one listed, or one
  /// a head such as `Báo` opens) is the one the text is told or sent things to: `vừa cho Tin Mới
  /// biết`, `gửi thông tin về cho Tin Mới`, `có văn bản gửi Báo Tin Mới`. That is the article's own
  /// outlet, which is no organisation of the story anywhere in it.
  static func isAddressedOutlet(_ line: TextLine, _ i: Int, _ count: Int) -> Bool {
    let w = line.words
    guard i > 0, line.gapIsSpace(after: i - 1) else { return false }
    let before = w[i - 1].hash
    guard before == hCho || before == hGui else { return false }
    guard outletNames.match(line, at: i)?.count == count || outletHeads.match(line, at: i) != nil else { return false }
    if before == hGui { return true }
    // `về cho X`, `gửi cho X`; or `cho X biết`.
    if i > 1, line.gapIsSpace(after: i - 2), w[i - 2].hash == hGui || w[i - 2].hash == OrganizationNames.hVe { return true }
    let end = i + count - 1
    return end + 1 < w.count && line.gapIsSpace(after: end) && w[end + 1].hash == hBiet
  }

  /// `isDateline(_:_:_:)` tells whether an abbreviation opening the line before a dash is the
  /// outlet's dateline: `QĐND - Hội nghị ...`.
  static func isDateline(_ line: TextLine, _ i: Int, _ count: Int) -> Bool {
    guard i == 0, count == 1, count < line.words.count, Names.isAllCaps(line, 0) else { return false }
    let gap = line.gap(after: 0)
    return datelineDashes.contains { gap.elementsEqual($0) }
  }

  /// `isCredit(_:_:_:)` tells whether words `i..<i+count` are a credit rather than a citation in
  /// the story: after `Ảnh:` or `Nguồn:`, or alone in brackets closing the line (`(TTXVN)`, `Hoàng
  /// Hà (TTXVN)`), a site's own address (`VTV.vn - ...`), its dateline (`QĐND - ...`) or its
  /// copyright line.
  static func isCredit(_ line: TextLine, _ i: Int, _ count: Int) -> Bool {
    let w = line.words
    let end = i + count - 1
    if isWebAddress(line, after: end) || isDateline(line, i, count) || isOwnOutlet(line, i) { return true }
    if i > 0 {
      let before = line.gap(after: i - 1)
      if before.contains(0x3A), creditWords.contains(w[i - 1].hash) { return true }
      // `Ảnh: AFP/TTXVN`, `Nguồn: AFP- TTXVN`: agencies credited together, joined by a slash or a
      // dash to one after `Ảnh:`.
      var k = i
      while k > 1, i - k < 3, creditJoins.contains(where: { line.gap(after: k - 1).elementsEqual($0) }),
        w[k - 1].isCapitalized
      {
        let b = line.gap(after: k - 2)
        if b.contains(0x3A), creditWords.contains(w[k - 2].hash) { return true }
        k -= 1
      }
      // `(TTXVN)` with nothing after it but punctuation.
      if before.last == 0x28 {
        let after = line.gap(after: end)
        if after.first == 0x29, end + 1 >= w.count { return true }
      }
    } else if count == line.words.count, line.bytes.first == 0x28 {
      return true
    }
    return false
  }

  /// `isTitleOrGeneric(_:_:_:)` tells whether a listed `Chính phủ` at word `i` is part of a
  /// title (`Thủ tướng Chính phủ`) or generic (`Chính phủ hai nước`).
  static func isTitleOrGeneric(_ line: TextLine, _ i: Int, _ count: Int) -> Bool {
    let w = line.words
    guard count == 2, w[i].hash == hChinhPhu[0], w[i + 1].hash == hChinhPhu[1] else { return false }
    if i >= 2, w[i - 2].hash == hThuTuong[0], w[i - 1].hash == hThuTuong[1], line.gapIsSpace(after: i - 1) {
      return true
    }
    if i + 2 < w.count, line.gapIsSpace(after: i + 1), !w[i + 2].isCapitalized, genericAfter.contains(w[i + 2].hash) {
      return true
    }
    return false
  }

  /// `isPersonByTitle(_:_:)` tells whether a brand's word at `i` follows a person's title, so names
  /// the person: `Thị trưởng Bloomberg`.
  static func isPersonByTitle(_ line: TextLine, _ i: Int) -> Bool {
    guard i > 0, line.gapIsSpace(after: i - 1) else { return false }
    var s = max(0, i - 3)
    while s < i {
      if let (n, _) = People.positionHeads.match(line, at: s), s + n == i { return true }
      if let (n, _) = personTitles.match(line, at: s), s + n == i { return true }
      s += 1
    }
    return false
  }

  /// Titles of people that `People.positionHeads` leaves to other rules.
  static let personTitles = PhraseTable<Bool>(
    ["Thị trưởng", "Tổng thống", "Thủ tướng", "Ngoại trưởng", "Bộ trưởng", "Tỷ phú", "tỷ phú", "ông", "bà", "Ông", "Bà",
     "ngài", "Ngài"].map { ($0, true) })

  static let hNay = ScanText.wordHashes("này")[0]
  /// `isAnaphoric(_:_:_:)` tells whether a body's level is followed by `này` (`UBND tỉnh này`):
  /// the province is the one named before, and the body stays unnamed here.
  static func isAnaphoric(_ line: TextLine, _ i: Int, _ count: Int) -> Bool {
    let e = i + count
    return e < line.words.count && line.words[e].hash == hNay && line.gapIsSpace(after: e - 1)
  }

  /// `consolidated(_:)` keeps the fullest form of a body named twice: `Huawei` goes when `Tập đoàn
  /// Huawei` is also named, `Tổng cục Du lịch` when `Tổng cục Du lịch Việt Nam` is, and `Ủy ban
  /// Pháp luật` when `Ủy ban Pháp luật của Quốc hội` is. Names are compared as UTF-8 bytes (they
  /// are normalised), with no string built unless one name begins or ends the other.
  static func consolidated(_ found: [OrganizationMention], brands: Set<String>) -> [OrganizationMention] {
    guard found.count > 1 else { return found }
    let names = found.map { Array($0.name.utf8) }
    var drop = Set<Int>()
    for (a, s) in names.enumerated() {
      let isBrand = brands.contains(found[a].name)
      for l in names where l.count > s.count + 1 {
        if isBrand, l[l.count - s.count - 1] == 0x20, l[(l.count - s.count)...].elementsEqual(s),
          OrganizationNames.isHeadOnly(String(decoding: l[..<(l.count - s.count - 1)], as: UTF8.self))
        {
          drop.insert(a)
          break
        }
        guard l[s.count] == 0x20, l[..<s.count].elementsEqual(s) else { continue }
        let rest = l[(s.count + 1)...]
        if rest.starts(with: cuaSpace) || OrganizationNames.isPlaceOnly(String(decoding: rest, as: UTF8.self)) {
          drop.insert(a)
          break
        }
      }
    }
    if drop.isEmpty { return found }
    return found.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
  }
  static let cuaSpace = Array("của ".utf8)
}

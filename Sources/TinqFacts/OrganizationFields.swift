import TinqText

/// `OrganizationFields` owns how an organisation's name is written out in full: a ministry's or
/// department's field in its standard abbreviation (`Bộ GD-ĐT`, `Sở NN&PTNT Hà Nội`, `Bộ
/// LĐTB&XH`), a people's body's head (`UBND`, `HĐND`, `TAND`, `VKSND`) and an abbreviated level
/// before a place (`TP.Hà Nội`, `TPHCM`, `Q.Tân Bình`, `H.Định Quán`, `TX.Thuận An`). Extraction
/// names an organisation so written by its words (the abbreviation kept as written), and a name
/// typed after `mentions` is read both as typed and written out, so every spelling finds the one
/// organisation on every backend.
public enum OrganizationFields {
  /// The fields by their abbreviations, written without the `-`, `&`, `,`, `.` or `–` that join
  /// their parts (`GD-ĐT`, `GD&ĐT`, `GDĐT` are one).
  static let fields: [String: String] = [
    "GDĐT": "Giáo dục và Đào tạo", "GTVT": "Giao thông vận tải", "NNPTNT": "Nông nghiệp và Phát triển nông thôn",
    "LĐTBXH": "Lao động - Thương binh và Xã hội", "KHĐT": "Kế hoạch và Đầu tư", "TNMT": "Tài nguyên và Môi trường",
    "VHTTDL": "Văn hóa, Thể thao và Du lịch", "TTTT": "Thông tin và Truyền thông", "KHCN": "Khoa học và Công nghệ",
    "VHTT": "Văn hóa - Thông tin", "GTCC": "Giao thông công chính",
  ]
  /// The fields of the ministries, by the abbreviations their documents' codes carry after `B`
  /// (`BGDĐT`, `BLĐTBXH`); `VHTT` and `GTCC` were ministries or departments once, and are left out.
  public static let ministries: [(String, String)] = fields.filter { $0.key != "VHTT" && $0.key != "GTCC" }
    .map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }

  /// `ministryCode(_:)` is the field's abbreviation of a ministry written as its abbreviation
  /// (`GD&ĐT`, `GD-ĐT`, `GDĐT`, `LĐ-TB&XH` → `GDĐT`, `LĐTBXH`), or nil.
  public static func ministryCode(_ written: ArraySlice<UInt8>) -> String? {
    let bare = written.filter { $0 != 0x2D && $0 != 0x26 }
    let key = String(decoding: bare, as: UTF8.self)
    return ministries.contains { $0.0 == key } ? key : nil
  }

  /// The people's bodies' heads in their abbreviations.
  static let bodies: [String: String] = [
    "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "TAND": "Tòa án nhân dân", "VKSND": "Viện Kiểm sát nhân dân",
  ]
  /// First words of the names whose levels are written out, as written or typed (capitalised or
  /// not, with or without diacritics): the heads of bodies that take a place. A person's name
  /// opens with none of them.
  static let placeTakers: Set<[UInt8]> = {
    let words = [
      "UBND", "HĐND", "HDND", "TAND", "VKSND", "Ủy", "Uỷ", "Uy", "Hội", "Hoi", "Tòa", "Toà", "Toa", "Viện", "Vien", "Công",
      "Cong", "Sở", "So", "Cục", "Cuc", "Phòng", "Phong", "Bộ", "Bo", "Ban", "Đội", "Doi", "Chi",
    ]
    return Set(words.flatMap { [Array($0.utf8), Array($0.lowercased().utf8)] })
  }()

  /// `written(_:typed:)` is `name` written out in full, or `name` itself when nothing in it is
  /// abbreviated as these rules read. A name `typed` by a user may be in small letters (`bo gddt`).
  public static func written(_ name: String, typed: Bool = false) -> String {
    // Most names extraction finds have nothing abbreviated: every abbreviation these rules read has
    // two capitals in a row (`GD`, `UBND`, `TP`), a capital and a dot (`Q.`), or `Tp`. One pass
    // over the bytes finds none, and nothing is allocated.
    var previous: UInt8 = 0
    var abbreviated = typed
    var space = -1
    for (k, b) in name.utf8.enumerated() {
      if b == 0x20, space < 0 { space = k }
      let upper = b &- 0x41 < 26
      // `Q12`, `P7`: a district's or a ward's number glued to its level.
      if (previous &- 0x41 < 26 && (upper || b == 0x2E || b &- 0x30 < 10))
        || (b == 0x70 && (previous == 0x54 || previous == 0x74))
      {
        abbreviated = true
      }
      previous = b
    }
    guard abbreviated, space > 0, placeTakers.contains(Array(name.utf8.prefix(space))) else { return name }
    return placesSpelledOut(expanded(name))
  }

  /// `expanded(_:)` is `name` with the field after its head written as words (`Bộ GD-ĐT` → `Bộ
  /// Giáo dục và Đào tạo`) and a people's body's head too (`UBND` → `Ủy ban nhân dân`).
  static func expanded(_ name: String) -> String {
    let bytes = Array(name.utf8)
    guard let space = bytes.firstIndex(of: 0x20) else { return name }
    let head = upper(bytes[..<space])
    let part = bytes[(space + 1)...]
    if let body = bodyBytes[head] { return String(decoding: body + [0x20] + part, as: UTF8.self) }
    guard headBytes.contains(head) else { return name }
    let token = part.prefix { $0 != 0x20 }
    // `GD-ĐT`, `GD&ĐT`, `VH,TT&DL`: the parts' joints dropped (an en dash is E2 80 93).
    var squeezed = upper(token).filter { $0 != 0x2D && $0 != 0x26 && $0 != 0x2C && $0 != 0x2E }
    if let dash = squeezed.firstRange(of: [0xE2, 0x80, 0x93]) { squeezed.removeSubrange(dash) }
    guard let field = fieldBytes[squeezed] else { return name }
    return String(decoding: bytes[...space] + field + part.dropFirst(token.count), as: UTF8.self)
  }

  /// `upper(_:)` capitalises ASCII letters and `đ` (what an abbreviation is made of).
  static func upper(_ s: ArraySlice<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(s.count)
    var previous: UInt8 = 0
    for b in s {
      if previous == 0xC4, b == 0x91 {
        out.append(0x90)
      } else {
        out.append(b &- 0x61 < 26 ? b - 0x20 : b)
      }
      previous = b
    }
    return out
  }
  /// The heads, the fields (also without diacritics: `Đ` as `D`) and the people's bodies, by
  /// their bytes as `upper(_:)` gives them.
  static let headBytes: Set<[UInt8]> = Set(
    ["BỘ", "BO", "SỞ", "SO", "PHÒNG", "PHONG", "VỤ", "VU", "CỤC", "CUC"].map { upper(Array($0.utf8)[...]) }
      + ["Bộ", "Sở", "Phòng", "Vụ", "Cục"].map { upper(Array($0.utf8)[...]) })
  static let fieldBytes = byBytes(fields)
  static let bodyBytes = byBytes(bodies)

  /// `byBytes(_:)` keys a table by its abbreviations' bytes as `upper(_:)` gives them, with and
  /// without diacritics (`Đ` as `D`).
  static func byBytes(_ table: [String: String]) -> [[UInt8]: [UInt8]] {
    var out: [[UInt8]: [UInt8]] = [:]
    for (abbreviation, words) in table {
      out[upper(Array(abbreviation.utf8)[...])] = Array(words.utf8)
      out[upper(Array(abbreviation.replacingOccurrences(of: "Đ", with: "D").utf8)[...])] = Array(words.utf8)
    }
    return out
  }

  /// `placesSpelledOut(_:)` writes the levels abbreviated in a name as words: `TP.Hà Nội`, `TP Hà
  /// Nội` → `thành phố Hà Nội`; `TPHCM`, `TP.HCM`, `TP HCM` → `thành phố Hồ Chí Minh`; `Q.Tân
  /// Bình`, `Q.1` → `quận ...`; `H.Định Quán` → `huyện ...`; `TX.Thuận An` → `thị xã ...`. A level
  /// before what is no place's name (`H.T`, a lone capital) stays as written. Typed in small
  /// letters, `tp` and `tphcm` are read too.
  static func placesSpelledOut(_ name: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(name.utf8.count + 16)
    var changed = false
    var afterCity = false
    let tokens = Array(name.utf8).split(separator: 0x20, omittingEmptySubsequences: false)
    for (t, token) in tokens.enumerated() {
      if !out.isEmpty { out.append(0x20) }
      let upper = upper(token)
      // `TX Long Khánh`, `TX. Hương Trà`, `Q. Bình Thạnh`: a level in capitals, apart from its name.
      let afterBody = t > 0 && bodyEnds.contains(Self.upper(tokens[t - 1]))
      if afterBody, let level = apartLevels[upper], t + 1 < tokens.count, isPlaceName(tokens[t + 1], digits: false) {
        out += level
        changed = true
        afterCity = false
        continue
      }
      // `Q12`, `P7`: a district's or a ward's number glued to its level.
      if afterBody, let level = numberedLevel(upper[...]) {
        out += level + [0x20] + token.dropFirst()
        changed = true
        afterCity = false
        continue
      }
      if upper.elementsEqual(tphcm) || upper.elementsEqual(tpDotHCM) {
        out += city + [0x20] + hoChiMinh
        changed = true
        afterCity = false
        continue
      }
      if afterCity, upper.elementsEqual(hcm) {
        out += hoChiMinh
        changed = true
        afterCity = false
        continue
      }
      if upper.elementsEqual(tp) || upper.elementsEqual(tpDot) {
        out += city
        changed = true
        afterCity = true
        continue
      }
      afterCity = false
      if let (prefix, level, digits) = levels.first(where: { token.starts(with: $0.0) }),
        isPlaceName(token.dropFirst(prefix.count), digits: digits)
      {
        out += level + [0x20] + token.dropFirst(prefix.count)
        changed = true
      } else {
        out += token
      }
    }
    return changed ? String(decoding: out, as: UTF8.self) : name
  }

  static let tphcm = Array("TPHCM".utf8)
  static let tpDotHCM = Array("TP.HCM".utf8)
  static let hcm = Array("HCM".utf8)
  static let tp = Array("TP".utf8)
  static let tpDot = Array("TP.".utf8)
  static let city = Array("thành phố".utf8)
  static let hoChiMinh = Array("Hồ Chí Minh".utf8)
  /// Levels abbreviated with a dot glued to the place, and whether digits may follow (`Q.1`).
  static let levels: [([UInt8], [UInt8], Bool)] = [
    (Array("TP.".utf8), city, false), (Array("Tp.".utf8), city, false), (Array("Q.".utf8), district, true),
    (Array("H.".utf8), Array("huyện".utf8), false), (Array("TX.".utf8), town, false), (Array("P.".utf8), ward, true),
    (Array("TT.".utf8), Array("thị trấn".utf8), false),
  ]
  static let district = Array("quận".utf8)
  static let ward = Array("phường".utf8)
  static let town = Array("thị xã".utf8)
  /// The last words of the people's bodies and the police, in capitals, after which a level may
  /// stand apart from its place (`TAND TX Long Khánh`) or a number be glued to it (`UBND Q12`);
  /// after another word (`Công ty Q10`) neither is a level.
  static let bodyEnds: Set<[UInt8]> = Set(
    ["UBND", "HĐND", "HDND", "TAND", "VKSND", "an", "dân", "dan"].map { upper(Array($0.utf8)[...]) })
  /// Levels written in capitals apart from the place after them, by their bytes as `upper(_:)`
  /// gives them.
  static let apartLevels: [[UInt8]: [UInt8]] = [
    Array("TX".utf8): town, Array("TX.".utf8): town, Array("Q.".utf8): district, Array("H.".utf8): Array("huyện".utf8),
    Array("P.".utf8): ward, Array("TT.".utf8): Array("thị trấn".utf8),
  ]

  /// `numberedLevel(_:)` is the level of a district or a ward written as its capital with its
  /// number glued on (`Q12` → `quận`, `P7` → `phường`), one or two digits; nil for any other word.
  public static func numberedLevel(_ token: ArraySlice<UInt8>) -> [UInt8]? {
    guard let first = token.first, (2...3).contains(token.count), token.dropFirst().allSatisfy({ $0 &- 0x30 < 10 })
    else { return nil }
    return first == 0x51 ? district : first == 0x50 ? ward : nil
  }

  /// `isPlaceName(_:digits:)` tells whether the bytes may be a place's name: a capital and a small
  /// letter (`Tân`, `Định`), or digits when `digits` (`Q.1`).
  static func isPlaceName(_ s: ArraySlice<UInt8>, digits: Bool) -> Bool {
    if digits, !s.isEmpty, s.allSatisfy({ $0 &- 0x30 < 10 }) { return true }
    let word = String(decoding: s, as: UTF8.self)
    guard let first = word.first, first.isUppercase, let second = word.dropFirst().first else { return false }
    return second.isLowercase
  }
}

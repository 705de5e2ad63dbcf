import TinqText
import TinqFacts
import TinqSupport

/// `Organizations` maps organisation names and abbreviations, written in any capitalisation after
/// the first letter, to one canonical full name. Topic abbreviations (QP-AN, ANTT) are not listed,
/// so they never become organisations.
enum Organizations {
  struct Entry: Sendable {
    var name: String
    var abbreviation: String?
    /// Whether the body is one listed by its brand alone (`Huawei`), whose longer form with a
    /// head (`Tập đoàn Huawei`) is the same body.
    var isBrand = false
  }

  static let canonical: [(String, String?, [String])] = [
    ("Bộ Công an", "BCA", ["Bộ Công an", "BCA"]),
    ("Bộ Quốc phòng", "BQP", ["Bộ Quốc phòng", "BQP"]),
    ("Bộ Tổng Tham mưu", "BTTM", ["Bộ Tổng Tham mưu", "BTTM"]),
    ("Tổng cục Chính trị", nil, ["Tổng cục Chính trị"]),
    ("Tổng cục Hậu cần", nil, ["Tổng cục Hậu cần"]),
    ("Tổng cục Kỹ thuật", nil, ["Tổng cục Kỹ thuật", "Tổng cục Kĩ thuật"]),
    ("Tổng cục Tình báo", nil, ["Tổng cục Tình báo"]),
    ("Cục Tác chiến", nil, ["Cục Tác chiến"]),
    ("Quân ủy Trung ương", "QUTW", ["Quân ủy Trung ương", "Quân uỷ Trung ương", "QUTW"]),
    ("Đảng ủy Công an Trung ương", "ĐUCA", ["Đảng ủy Công an Trung ương", "Đảng uỷ Công an Trung ương", "ĐUCA"]),
    (
      "Bộ Chỉ huy Quân sự tỉnh", "Bộ CHQS tỉnh",
      ["Bộ Chỉ huy Quân sự tỉnh", "Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự CHQS tỉnh"]
    ),
    (
      "Bộ Chỉ huy Quân sự thành phố", "Bộ CHQS thành phố",
      ["Bộ Chỉ huy Quân sự thành phố", "Bộ CHQS thành phố", "Bộ Chỉ huy Quân sự CHQS thành phố"]
    ),
    ("Bộ đội Biên phòng", "BĐBP", ["Bộ đội Biên phòng", "BĐBP"]),
    ("Cảnh sát biển", "CSB", ["Cảnh sát biển", "CSB"]),
    ("Quân đội nhân dân", "QĐND", ["Quân đội nhân dân", "QĐND"]),
    ("Công an nhân dân", "CAND", ["Công an nhân dân", "CAND"]),
    ("Ủy ban nhân dân tỉnh", "UBND tỉnh", ["Ủy ban nhân dân tỉnh", "Uỷ ban nhân dân tỉnh", "UBND tỉnh"]),
    (
      "Ủy ban nhân dân thành phố", "UBND thành phố",
      ["Ủy ban nhân dân thành phố", "Uỷ ban nhân dân thành phố", "UBND thành phố"]
    ),
    ("Hội đồng nhân dân tỉnh", "HĐND tỉnh", ["Hội đồng nhân dân tỉnh", "HĐND tỉnh"]),
    ("Chính phủ", nil, ["Chính phủ"]),
    ("Bộ Chính trị", nil, ["Bộ Chính trị"]),
    ("Ban Bí thư", nil, ["Ban Bí thư"]),
    ("Ban Chấp hành Trung ương Đảng", "BCHTW", ["Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương"]),
    ("Trung ương Đảng", nil, ["Trung ương Đảng"]),
    ("Mặt trận Tổ quốc", "MTTQ", ["Mặt trận Tổ quốc", "MTTQ"]),
    ("Quốc hội", nil, ["Quốc hội"]),
    ("Ủy ban Thường vụ Quốc hội", "UBTVQH", ["Ủy ban Thường vụ Quốc hội", "Uỷ ban Thường vụ Quốc hội", "UBTVQH"]),
    ("Bộ Ngoại giao", nil, ["Bộ Ngoại giao"]),
    ("Bộ Tư pháp", nil, ["Bộ Tư pháp"]),
    ("Bộ Nội vụ", "BNV", ["Bộ Nội vụ"]),
    ("Bộ Tài chính", nil, ["Bộ Tài chính"]),
    ("Văn phòng Chính phủ", "VPCP", ["Văn phòng Chính phủ", "VPCP"]),
    ("Văn phòng Trung ương Đảng", "VPTW", ["Văn phòng Trung ương Đảng", "VPTW"]),
    ("Cục Cảnh sát biển", nil, ["Cục Cảnh sát biển"]),
    ("Quân chủng Hải quân", nil, ["Quân chủng Hải quân"]),
    ("Quân chủng Phòng không - Không quân", nil, ["Quân chủng Phòng không - Không quân"]),
    ("Bộ Tư lệnh Cảnh sát biển", nil, ["Bộ Tư lệnh Cảnh sát biển"]),
    ("Bộ Tư lệnh Bộ đội Biên phòng", nil, ["Bộ Tư lệnh Bộ đội Biên phòng"]),
  ]

  static let table: PhraseTable<Entry> = PhraseTable(
    canonical.flatMap { name, abbreviation, variants in
      variants.map { ($0, Entry(name: name, abbreviation: abbreviation)) }
    })
  static let hQuanKhu = ScanText.wordHashes("quân khu")
  static let hVietNam = ScanText.wordHashes("Việt Nam")

  /// `match(_:at:)` returns the organisation naming at word `i`, if any, with the words it spans.
  static func match(_ line: TextLine, at i: Int) -> (count: Int, entry: Entry)? {
    match(line, at: i, table: table, quanKhu: hQuanKhu)
  }

  /// `match(_:at:table:quanKhu:)` is `match(_:at:)` with the tables passed in, so a loop over
  /// every word reads each static once.
  @inline(__always)
  static func match(
    _ line: TextLine, at i: Int, table: PhraseTable<Entry>, quanKhu hQuanKhu: [UInt64]
  ) -> (count: Int, entry: Entry)? {
    let w = line.words
    guard w[i].isCapitalized else { return nil }
    if i + 2 < w.count, w[i].hash == hQuanKhu[0], w[i + 1].hash == hQuanKhu[1], w[i + 2].isNumber,
      line.gapIsSpace(after: i), line.gapIsSpace(after: i + 1),
      let n = ScanText.int(line.bytes, w[i + 2].start, w[i + 2].end), (1...9).contains(n)
    {
      return (3, Entry(name: "Quân khu " + String(n), abbreviation: nil))
    }
    guard let (count, entry) = table.match(line, at: i, allowParens: true) else { return nil }
    // An abbreviation must be written in capitals, and `CSB 4035` is a ship, not the service.
    if count == 1 {
      var q = w[i].start
      while q < w[i].end {
        let (v, width) = ScanText.decode(line.bytes, at: q)
        if !ScanText.isUppercaseScalar(v) && v > 0x39 { return nil }
        q += width
      }
      if i + 1 < w.count, w[i + 1].isNumber, line.gapIsSpace(after: i) { return nil }
    }
    return (count, entry)
  }

  /// `merge(_:into:)` adds one batch's organisations to those of the batches before it, each once.
  static func merge(_ batch: [OrganizationMention], into organizations: inout [OrganizationMention]) {
    if organizations.isEmpty {
      organizations = batch
      return
    }
    var seen = Set(organizations.map { UTF8Key($0.name) })
    for mention in batch where seen.insert(UTF8Key(mention.name)).inserted { organizations.append(mention) }
  }

  /// `extract(_:)` returns each organisation once, in order of first mention.
  static func extract(_ lines: [TextLine]) -> [OrganizationMention] {
    var seen: Set<UTF8Key> = []
    var result: [OrganizationMention] = []
    var brands: Set<String> = []
    // The article's own outlet, found where the text is told or sent things to it: no
    // organisation of the story wherever it stands.
    var ownOutlets: Set<UTF8Key> = []
    let table = Self.table
    let quanKhu = Self.hQuanKhu
    let lowerFirst = OrganizationNames.lowerFirst
    func emit(_ e: Entry, _ line: TextLine, _ i: Int, _ count: Int) {
      guard seen.insert(UTF8Key(e.name)).inserted else { return }
      if e.isBrand { brands.insert(e.name) }
      result.append(
        OrganizationMention(
          name: e.name, abbreviation: e.abbreviation,
          provenance: Provenance(rule: "organization", line: line.number, excerpt: line.excerpt(i, i + count - 1))))
    }
    for line in lines {
      let words = line.words
      var i = 0
      while i < words.count {
        // `match` wants a capitalised first word; most words are not. A few lowercase heads name
        // a body with a place (`công an tỉnh Đồng Nai`, `cảnh sát Philippines`) or after a title
        // (`Trưởng phòng Nông nghiệp huyện ...`).
        if !words[i].isCapitalized {
          // One lookup for both kinds: `công an tỉnh ...` and `Trưởng phòng Tổng hợp huyện ...`.
          // Outlets and venues after a lowercase head too: `tờ Daily Star`, `khách sạn Hoàng Yến`.
          if lowerFirst.contains(words[i].hash),
            let (count, entry) =
              OrganizationNames.matchLower(line, at: i) ?? OrganizationNames.matchAfterTitle(line, at: i)
              ?? OrganizationNames.matchNaming(line, at: i) ?? OrganizationNames.matchParty(line, at: i)
              ?? OrganizationNames.matchSourceCredit(line, at: i)
          {
            emit(entry, line, i, count)
            i += count
          } else {
            i += 1
          }
          continue
        }
        let listed = match(line, at: i, table: table, quanKhu: quanKhu)
        // A listed body wins unless a level or a place goes on after it (`Ủy ban nhân dân tỉnh
        // Bình Dương`, `Bộ Ngoại giao Mỹ`): only then is the longer reading worth making. Another
        // capitalised word is not its name's (`Bộ Ngoại giao John Kirby`).
        let goesOn = listed.map { l in
          let e = i + l.count - 1
          return e + 1 < words.count && line.gapIsSpace(after: e)
            && (OrganizationNames.levels.match(line, at: e + 1) != nil || Gazetteer.match(line, at: e + 1) != nil)
        }
        var named = goesOn == false ? nil : OrganizationNames.match(line, at: i)
        // `Bộ đội Biên phòng Quảng Nam`: a listed body and a listed place right after it, which
        // the head's own reading cannot span, name the body's branch there; the listed bodies are
        // Vietnam's own, so `Cảnh sát biển Việt Nam` stays `Cảnh sát biển`.
        if goesOn == true, let l = listed, (named?.count ?? 0) <= l.count,
          let n = Gazetteer.match(line, at: i + l.count),
          !OrganizationNames.isNationalBody(line, at: i, words: l.count, before: i + l.count),
          !(n == 2 && words[i + l.count].hash == hVietNam[0] && words[i + l.count + 1].hash == hVietNam[1])
        {
          let last = i + l.count + n - 1
          let place = ScanText.string(line.bytes, words[i + l.count].start, words[last].end)
          let written = ScanText.string(line.bytes, words[i].start, words[i + l.count - 1].end)
          named = (
            l.count + n,
            Entry(
              name: l.entry.name + " " + place,
              abbreviation: written == l.entry.name ? nil : written + " " + place)
          )
        }
        // The longer reading wins; the listed one, with its canonical name, on a tie.
        // `Đảng` alone, the ruling party; the source a story closes with (`Theo Izvestia`).
        let found =
          (named?.count ?? 0) > (listed?.count ?? 0)
          ? named
          : listed ?? named ?? OrganizationNames.matchParty(line, at: i)
            ?? OrganizationNames.matchSourceCredit(line, at: i)
        guard let (count, entry) = found else {
          i += 1
          continue
        }
        // A credit (`Ảnh: Reuters`, `(TTXVN)`), the outlet's own address (`VTV.vn`), a title
        // (`Thủ tướng Chính phủ`), a generic use (`Chính phủ hai nước`) or one named before (`UBND
        // tỉnh này`) names no body here.
        if OrganizationRules.isCredit(line, i, count) || OrganizationRules.isTitleOrGeneric(line, i, count)
          || OrganizationRules.isAnaphoric(line, i, count)
        {
          i += count
          continue
        }
        if OrganizationRules.isAddressedOutlet(line, i, count) {
          ownOutlets.insert(UTF8Key(entry.name))
          i += count
          continue
        }
        emit(entry, line, i, count)
        // `Ủy ban Pháp luật của Quốc hội` names the parliament too.
        if count > 3, words[i + count - 3].hash == OrganizationNames.hCua,
          let (c, e) = match(line, at: i + count - 2, table: table, quanKhu: quanKhu), c == 2
        {
          emit(e, line, i + count - 2, c)
        }
        // A listed body that a head's name is made of is named too: `Bộ Công an` in `Văn phòng Bộ
        // Công an`; not the body a unit's name ends with (`Cục CSHS Bộ Công an`), nor the one a
        // paper is named after (`Báo CAND`).
        if count > 1, let n = named, n.count == count, OrganizationRules.outletHeads.match(line, at: i) == nil,
          let (h, _) = OrganizationNames.orgHeads.match(line, at: i),
          i + h < i + count, words[i + h].isCapitalized,
          let (c, e) = match(line, at: i + h, table: table, quanKhu: quanKhu), i + h + c <= i + count
        {
          emit(e, line, i + h, c)
        }
        i += count
      }
    }
    if !ownOutlets.isEmpty { result.removeAll { ownOutlets.contains(UTF8Key($0.name)) } }
    return OrganizationRules.consolidated(result, brands: brands)
  }
}

import TinqText
import TinqFacts
import TinqSupport

/// `OrganizationNames` reads organisations that no fixed list can hold: a head noun written with a
/// capital (`Sở`, `Công an`, `UBND`, `Trường`, `Công ty`) and the proper name after it, as
/// Vietnamese writes it — each part capitalised on its first syllable (`Sở Tài nguyên và Môi
/// trường`, `Phòng Cảnh sát hình sự`), a level and a place (`UBND tỉnh Bình Dương`, `Công an thị
/// xã Thuận An`), an abbreviation (`Sở GD-ĐT Hà Nội`); and a list of international bodies, news
/// agencies and clubs that news cites by name alone (`Liên hợp quốc`, `Reuters`, `Chelsea`).
enum OrganizationNames {
  /// What a head noun says about the name after it.
  struct Head: Sendable {
    /// The head written out, when the text abbreviates it (`UBND` → `Ủy ban nhân dân`).
    var expansion: String?
    /// Whether a person's name may be part of the organisation's (`Trường THPT Lê Quý Đôn`,
    /// `Công ty Nguyễn Kim`), rather than a person named after it (`Sở Y tế Nguyễn Văn A`).
    var namedAfterPeople: Bool
    /// Whether the head alone, with a level and a place or nothing, names one body
    /// (`Công an tỉnh Bình Dương`), rather than needing a capitalised name (`Sở Y tế`).
    var takesPlace: Bool
  }

  /// Every head noun, as written, with what it says about the name after it.
  static let headEntries: [(String, Head)] = {
    var entries: [(String, Head)] = []
    func add(_ names: [String], expansion: String? = nil, people: Bool = false, place: Bool = false) {
      for n in names { entries.append((n, Head(expansion: expansion, namedAfterPeople: people, takesPlace: place))) }
    }
    add(["Ủy ban nhân dân", "Uỷ ban nhân dân"], place: true)
    add(["UBND"], expansion: "Ủy ban nhân dân", place: true)
    add(["Hội đồng nhân dân"], place: true)
    add(["HĐND"], expansion: "Hội đồng nhân dân", place: true)
    add(["Tòa án nhân dân", "Toà án nhân dân"], place: true)
    add(["TAND"], expansion: "Tòa án nhân dân", place: true)
    add(["Viện Kiểm sát nhân dân", "Viện kiểm sát nhân dân"], place: true)
    add(["VKSND"], expansion: "Viện Kiểm sát nhân dân", place: true)
    add(["Công an", "Cảnh sát", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "Huyện ủy", "Huyện uỷ", "Quận ủy",
         "Quận uỷ", "Đảng ủy", "Đảng uỷ", "Mặt trận Tổ quốc", "Ban Chỉ huy Quân sự", "Bộ Chỉ huy Quân sự",
         "Ban chỉ huy quân sự", "Bộ CHQS", "Ban CHQS", "Hội Chữ thập đỏ", "Hội Nông dân", "Hội Cựu chiến binh",
         "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên", "Liên đoàn Lao động", "Kho bạc Nhà nước", "Chi cục Thuế",
         "Cục Thuế", "Cục Hải quan", "Bảo hiểm xã hội", "Sở", "Phòng"], place: true)
    add(["Bộ", "Cục", "Tổng cục", "Chi cục", "Vụ", "Viện", "Ban", "Văn phòng", "Thanh tra", "Ngân hàng",
         "Đội", "Hội", "Liên đoàn", "Hiệp hội", "Tập đoàn", "Tổng công ty", "Hãng", "Báo", "Đài", "Tạp chí",
         "Thông tấn xã", "Nhà xuất bản", "Quân chủng", "Binh đoàn", "Sư đoàn", "Lữ đoàn", "Trung đoàn",
         "Bộ Tư lệnh", "Ủy ban", "Uỷ ban", "Hội đồng", "Liên minh", "Đảng", "Quốc hội", "Chính phủ", "Trại giam",
         "Nhà máy", "Xí nghiệp", "Cảng vụ", "Hạm đội", "Tổ chức", "Cơ quan", "Hiệp hội", "Liên hiệp"])
    add(["Trường", "Đại học", "Trường Đại học", "Học viện", "Bệnh viện", "Trung tâm", "Công ty", "Quỹ",
         "Câu lạc bộ", "CLB", "Hợp tác xã", "HTX", "Viện", "Nhà hát", "Khách sạn"], people: true)
    add(["ĐH"], expansion: "Đại học", people: true)
    add(["THPT"], expansion: "Trường THPT", people: true)
    add(["THCS"], expansion: "Trường THCS", people: true)
    return entries
  }()
  static let heads = PhraseTable<Head>(headEntries)

  /// Bodies cited by name alone: international organisations, news agencies and outlets that news
  /// cites as sources, banks and companies written as brands, and football clubs.
  static let named: [(String, String?, [String])] = [
    ("Liên hợp quốc", "LHQ", ["Liên hợp quốc", "Liên Hợp Quốc", "Liên Hiệp Quốc", "LHQ"]),
    ("Hội đồng Bảo an Liên hợp quốc", "HĐBA", ["Hội đồng Bảo an", "HĐBA"]),
    ("Liên minh châu Âu", "EU", ["Liên minh châu Âu", "Liên minh Châu Âu", "EU"]),
    ("ASEAN", nil, ["ASEAN"]), ("NATO", nil, ["NATO"]), ("WHO", nil, ["WHO"]), ("UNESCO", nil, ["UNESCO"]),
    ("UNICEF", nil, ["UNICEF"]), ("IMF", nil, ["IMF"]), ("Ngân hàng Thế giới", "WB", ["Ngân hàng Thế giới", "WB"]),
    ("WTO", nil, ["WTO"]), ("APEC", nil, ["APEC"]), ("FIFA", nil, ["FIFA"]), ("UEFA", nil, ["UEFA"]),
    ("AFF", nil, ["AFF"]), ("VFF", nil, ["VFF"]), ("VPF", nil, ["VPF"]), ("IOC", nil, ["IOC"]),
    ("OPEC", nil, ["OPEC"]), ("Interpol", nil, ["Interpol"]), ("FBI", nil, ["FBI"]), ("CIA", nil, ["CIA"]),
    ("Lầu Năm Góc", nil, ["Lầu Năm Góc"]), ("Nhà Trắng", nil, ["Nhà Trắng"]), ("ADB", nil, ["ADB"]),
    ("Hezbollah", nil, ["Hezbollah"]), ("Al-Qaeda", nil, ["Al-Qaeda", "al-Qaeda", "Al Qaeda"]),
    ("Taliban", nil, ["Taliban"]), ("Hamas", nil, ["Hamas"]),
    ("Reuters", nil, ["Reuters"]), ("AFP", nil, ["AFP"]), ("AP", nil, ["AP"]), ("BBC", nil, ["BBC"]),
    ("CNN", nil, ["CNN"]), ("Tân Hoa Xã", nil, ["Tân Hoa xã", "Tân Hoa Xã", "Xinhua"]), ("Yonhap", nil, ["Yonhap"]),
    ("Kyodo", nil, ["Kyodo"]), ("KCNA", nil, ["KCNA"]), ("NHK", nil, ["NHK"]), ("CCTV", nil, ["CCTV"]),
    ("Bloomberg", nil, ["Bloomberg"]), ("Al Jazeera", nil, ["Al Jazeera"]), ("RIA Novosti", nil, ["RIA Novosti"]),
    ("Itar-Tass", nil, ["Itar-Tass", "ITAR-TASS", "TASS"]), ("Sputnik", nil, ["Sputnik"]),
    ("New York Times", nil, ["New York Times"]), ("Washington Post", nil, ["Washington Post"]),
    ("Wall Street Journal", nil, ["Wall Street Journal"]), ("The Guardian", nil, ["The Guardian", "Guardian"]),
    ("Telegraph", nil, ["Telegraph"]), ("Daily Mail", nil, ["Daily Mail"]),
    ("Thông tấn xã Việt Nam", "TTXVN", ["Thông tấn xã Việt Nam", "TTXVN"]), ("VTV", nil, ["VTV"]),
    ("VOV", nil, ["VOV"]), ("VnExpress", nil, ["VnExpress"]),
    ("VietNamNet", nil, ["VietNamNet", "Vietnamnet"]), ("Infonet", nil, ["Infonet"]),
    ("Vietcombank", nil, ["Vietcombank"]), ("VietinBank", nil, ["VietinBank", "Vietinbank"]),
    ("BIDV", nil, ["BIDV"]), ("Agribank", nil, ["Agribank"]), ("Techcombank", nil, ["Techcombank"]),
    ("Sacombank", nil, ["Sacombank"]), ("VPBank", nil, ["VPBank"]), ("Viettel", nil, ["Viettel"]),
    ("VNPT", nil, ["VNPT"]), ("MobiFone", nil, ["MobiFone", "Mobifone"]), ("Vinamilk", nil, ["Vinamilk"]),
    ("Vingroup", nil, ["Vingroup"]), ("FPT", nil, ["FPT"]), ("EVN", nil, ["EVN"]),
    ("PetroVietnam", "PVN", ["PetroVietnam", "PVN"]), ("Vinacomin", nil, ["Vinacomin", "TKV"]),
    ("Vietnam Airlines", nil, ["Vietnam Airlines"]), ("VietJet Air", nil, ["VietJet Air", "Vietjet Air", "VietJet"]),
    ("Google", nil, ["Google"]), ("Facebook", nil, ["Facebook"]), ("Microsoft", nil, ["Microsoft"]),
    ("Twitter", nil, ["Twitter"]), ("Apple", nil, ["Apple"]), ("Samsung", nil, ["Samsung"]),
    ("Manchester United", "MU", ["Manchester United", "Man United", "Man Utd", "M.U"]),
    ("Manchester City", nil, ["Manchester City", "Man City"]), ("Chelsea", nil, ["Chelsea"]),
    ("Arsenal", nil, ["Arsenal"]), ("Liverpool", nil, ["Liverpool"]), ("Tottenham", nil, ["Tottenham"]),
    ("Everton", nil, ["Everton"]), ("Real Madrid", nil, ["Real Madrid"]), ("Barcelona", nil, ["Barcelona", "Barca"]),
    ("Atletico Madrid", nil, ["Atletico Madrid"]), ("Bayern Munich", nil, ["Bayern Munich", "Bayern"]),
    ("Borussia Dortmund", nil, ["Borussia Dortmund", "Dortmund"]), ("Juventus", nil, ["Juventus"]),
    ("AC Milan", nil, ["AC Milan"]), ("Inter Milan", nil, ["Inter Milan"]), ("PSG", nil, ["PSG"]),
    ("Ajax", nil, ["Ajax"]), ("Hoàng Anh Gia Lai", "HAGL", ["Hoàng Anh Gia Lai", "HAGL"]),
    ("Sông Lam Nghệ An", "SLNA", ["Sông Lam Nghệ An", "SLNA"]),
  ]

  /// The first words of every listed body and head: most capitalised words are none, and are
  /// passed over with one load.
  static let firstWords: WordSet = {
    var words: [String] = []
    for (_, _, variants) in named {
      for v in variants { words.append(String(v.split(separator: " ").first ?? "")) }
    }
    for (h, _) in headEntries { words.append(String(h.split(separator: " ").first ?? "")) }
    return WordSet(words)
  }()

  static let namedTable: PhraseTable<(String, String?)> = PhraseTable(
    named.flatMap { name, abbreviation, variants in variants.map { ($0, (name, abbreviation)) } })

  /// Level words between a head and a place: `UBND tỉnh Bình Dương`, `Công an thị xã Thuận An`.
  static let levels = PhraseTable<Bool>(
    ["tỉnh", "thành phố", "TP", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "Trung ương", "trung ương",
     "nhân dân", "cấp cao", "tối cao", "quốc gia", "Quốc gia"].map { ($0, true) })

  /// Level words that need a place after them.
  static let placeLevels = WordSet(["tỉnh", "thành", "TP", "huyện", "quận", "thị", "xã", "phường"])

  /// Small words that end a name wherever they stand: function words and verbs that are never a
  /// name word's second syllable.
  static let stops = WordSet(
    ["của", "đã", "cho", "về", "tại", "với", "là", "có", "được", "đang", "sẽ", "vừa", "này", "đó", "trong",
     "khi", "thì", "mà", "để", "các", "những", "theo", "từ", "đến", "tới", "trên", "dưới", "sau", "trước",
     "cùng", "biết", "hay", "hoặc", "nên", "như", "do", "bị", "không", "chưa", "rất", "đều", "cũng", "vẫn",
     "còn", "nhiều", "một", "lúc", "vì", "nếu", "nhưng", "song", "đây", "kia", "ấy", "ở", "bằng", "khỏi", "tuy",
     "bởi", "mới", "chỉ", "luôn", "phải", "cần", "nhằm", "gồm", "thuộc", "và", "nói", "từng", "muốn", "gây"])

  /// Lowercase words that continue an organisation's name after its capitalised part's own
  /// syllables: `Phòng Cảnh sát hình sự`, `Cục Kỹ thuật nghiệp vụ`, `Cục Cảnh sát quản lý hành chính
  /// về trật tự xã hội`. A verb after a name (`Bộ Công an truy kích`) is none of them.
  static let nameWords = PhraseSet(
    [
      "hình sự", "kinh tế", "nghiệp vụ", "môi trường", "xã hội", "thương binh", "đào tạo", "phát triển",
      "nông thôn", "an ninh", "trật tự", "giao thông", "ma túy", "ma tuý", "tội phạm", "quản lý", "thị trường",
      "đô thị", "xây dựng", "tài chính", "đầu tư", "thương mại", "công nghiệp", "du lịch", "thể thao", "văn hóa",
      "văn hoá", "thông tin", "truyền thông", "y tế", "dân số", "kế hoạch", "gia đình", "trẻ em", "phụ nữ",
      "lao động", "khoa học", "công nghệ", "kỹ thuật", "kĩ thuật", "nhân dân", "quốc phòng", "biên phòng",
      "hải quan", "điều tra", "kiểm sát", "hành chính", "tư pháp", "nội vụ", "ngoại giao", "chính trị",
      "tuyên giáo", "kiểm tra", "dân vận", "thi đua", "khen thưởng", "phòng cháy", "chữa cháy",
      "cứu hộ", "cứu nạn", "tài nguyên", "nước ngoài", "bảo vệ", "phòng chống", "xâm phạm", "sở hữu", "trí tuệ",
      "buôn lậu", "quốc tế", "trung ương", "đường sắt", "đường bộ", "hàng không", "hàng hải", "bưu điện",
      "viễn thông", "điện lực", "cấp nước", "thoát nước", "vận tải", "bất động", "động sản", "giáo dục",
      "nghiên cứu", "lập pháp", "nhà nước", "thành viên", "hữu hạn", "cổ phần", "một thành", "trách nhiệm",
      "xuất nhập", "nhập khẩu", "xuất khẩu", "dịch vụ", "sản xuất", "chế biến", "thực phẩm", "dược phẩm",
      "nông nghiệp", "lâm nghiệp", "thủy sản", "thuỷ sản", "vật tư", "thiết bị", "cơ khí", "điện tử",
      "bảo hiểm", "chứng khoán", "ngân hàng", "quân sự", "quân đội", "cảnh sát", "bảo tàng", "thư viện",
      "phụ sản", "nhi đồng", "đa khoa", "chuyên khoa", "ung bướu", "tâm thần", "trung học", "phổ thông",
      "cơ sở", "tiểu học", "mầm non", "dân lập", "tư thục", "công lập", "dạy nghề", "trung cấp", "cao đẳng",
      "sư phạm", "bách khoa", "quốc gia", "tổng hợp", "mỹ thuật", "âm nhạc", "sân khấu", "điện ảnh",
      "phát thanh", "truyền hình", "báo chí", "xuất bản", "thanh niên", "cựu chiến", "chiến binh", "nông dân",
      "doanh nghiệp", "doanh nhân", "luật sư", "nhà báo", "văn nghệ", "chữ thập", "thập đỏ", "từ thiện",
      "bảo trợ", "khuyến học", "người cao", "cao tuổi", "hợp tác", "liên hợp", "liên minh", "cơ động",
      "đặc nhiệm", "phản ứng", "nhanh", "thuế", "chống", "tối cao", "cấp cao", "tự vệ", "dân quân",
      "khảo cổ", "cổ học", "học", "khí tượng", "thủy văn", "thuỷ văn", "dự báo", "cây trồng", "vật nuôi",
      "sinh học", "hóa học", "vật lý", "toán học", "y học", "dược", "tâm lý", "xã hội học", "nhân văn",
    ])
  static let hVa = ScanText.wordHashes("và")[0]

  /// `match(_:at:)` reads an organisation at word `i`: its words and its name (with the head
  /// written out) and abbreviation.
  static func match(_ line: TextLine, at i: Int) -> (count: Int, entry: Organizations.Entry)? {
    let w = line.words
    guard w[i].isCapitalized, firstWords.contains(w[i].hash) else { return nil }
    if let (count, payload) = namedTable.match(line, at: i) {
      // A listed abbreviation must stand as a word of its own: `AP` in `AP-1` is no agency.
      let end = i + count - 1
      if Names.isAllCaps(line, i), count == 1, end + 1 < w.count, !line.gap(after: end).contains(0x20),
        !line.gap(after: end).isEmpty, line.gap(after: end).first != 0x2C, line.gap(after: end).first != 0x2E
      {
        return nil
      }
      return (count, Organizations.Entry(name: payload.0, abbreviation: payload.1))
    }
    guard Gazetteer.match(line, at: i) == nil, let (headCount, head) = heads.match(line, at: i) else { return nil }
    // Inside another proper name: `Tây Ban Nha`, `Nguyễn Trường Giang`.
    if i > 0, w[i - 1].isCapitalized, line.gapIsSpace(after: i - 1), !Dates.isSentenceStart(line, i),
      !Names.isAllCaps(line, i - 1)
    {
      return nil
    }
    var k = i + headCount
    var end = i + headCount - 1
    var named = false
    var lowerRun = 0
    var afterPlace = false
    var namedByWord = false
    while k < w.count {
      let gap = line.gap(after: k - 1)
      // `Bộ Văn hóa, Thể thao và Du lịch`, `Lao động, Thương binh và Xã hội`: parts listed with
      // commas, the last after `và`, are one name.
      if named, gap.elementsEqual([0x2C, 0x20]), w[k].isCapitalized, let last = commaPartsEnd(line, from: k) {
        end = last
        k = last + 1
        continue
      }
      // `Sở GD-ĐT`, `Bộ LĐ-TB&XH`: an abbreviation's parts joined by `-` or `&`.
      let joined = (gap.elementsEqual([0x2D]) || gap.elementsEqual([0x26])) && w[k - 1].isCapitalized && w[k].isCapitalized
      guard line.gapIsSpace(after: k - 1) || gap.elementsEqual([0x20, 0x2D, 0x20]) || joined else { break }
      if joined {
        end = k
        k += 1
        continue
      }
      let dashed = !line.gapIsSpace(after: k - 1)
      if afterPlace { break }
      // A level and a place: `tỉnh Bình Dương`, `TP Hồ Chí Minh`, `thị xã Thuận An`.
      if !dashed, let (n, _) = levels.match(line, at: k) {
        let p = k + n
        // `TP.HCM`, `TP. Hồ Chí Minh`
        let afterLevel = p < w.count ? line.gap(after: p - 1) : []
        if p < w.count, w[p].isCapitalized,
          line.gapIsSpace(after: p - 1) || afterLevel.elementsEqual([0x2E]) || afterLevel.elementsEqual([0x2E, 0x20])
        {
          let placeWords = Gazetteer.match(line, at: p) ?? placeLength(line, at: p)
          end = p + placeWords - 1
          k = end + 1
          named = true
          afterPlace = true
          continue
        }
        // `Tòa án nhân dân tối cao`, `Ban Chấp hành Trung ương`; but a place level with no place
        // after it (`UBND xã quản lý ...`) ends the name before it.
        guard !placeLevels.contains(w[k].hash) else { break }
        end = p - 1
        k = p
        named = named || head.takesPlace
        continue
      }
      if w[k].isCapitalized, !w[k].isNumber {
        if let n = Gazetteer.match(line, at: k) {
          // `Hạm đội Biển Đen - Nga`: a place after a dash is the country's, not the name's.
          if dashed { break }
          end = k + n - 1
          k = end + 1
          named = true
          afterPlace = true
          continue
        }
        // A person's name after a body is the person's, not the body's: `Sở Y tế Nguyễn Văn A`,
        // `Trường THPT Minh Khai Bùi Văn Phúc`; a school may be named after one: `Trường THPT Lê
        // Quý Đôn`.
        if People.surnames.contains(w[k].hash), k + 1 < w.count, line.gapIsSpace(after: k),
          Names.isTitleCase(line, k + 1), !head.namedAfterPeople || namedByWord
        {
          break
        }
        // A word glued to the next sentence ends the name before it: `Mỹ` in `MỹBà`.
        if Names.isGlued(line, k) { break }
        // Another body starts: `Bộ Công an và Bộ Quốc phòng`, `Bộ Tổng Tham mưu - Bộ Quốc phòng`
        // are two; before any name, it is the body this one belongs to (`Văn phòng Bộ Công an`).
        if named, heads.match(line, at: k) != nil { break }
        if !named, let (c, _) = Organizations.match(line, at: k) {
          end = k + c - 1
          k = end + 1
          named = true
          namedByWord = true
          continue
        }
        end = k
        k += 1
        named = true
        if !Names.isAllCaps(line, k - 1) { namedByWord = true }
        lowerRun = 0
        continue
      }
      // `Giáo dục và Đào tạo`: `và` joins two parts of one name.
      if w[k].hash == hVa, named, k + 1 < w.count, line.gapIsSpace(after: k), w[k + 1].isCapitalized,
        heads.match(line, at: k + 1) == nil, Gazetteer.match(line, at: k + 1) == nil,
        People.ranks.match(line, at: k + 1) == nil, People.positionHeads.match(line, at: k + 1) == nil,
        Names.cues.match(line, at: k + 1) == nil, !People.surnames.contains(w[k + 1].hash)
      {
        k += 1
        continue
      }
      // The small syllables of a capitalised part: `Tài nguyên` (the word's own second syllable),
      // then listed words: `Cảnh sát hình sự`, `Kỹ thuật nghiệp vụ`.
      guard named, !w[k].isNumber, !stops.contains(w[k].hash) else { break }
      if lowerRun == 0, w[k - 1].isCapitalized, !Names.isAllCaps(line, k - 1) {
        lowerRun = 1
        end = k
        k += 1
        continue
      }
      // `xâm phạm` after `Chống xâm`: the previous word began a listed pair.
      if nameWords.contains(w[k - 1].hash, w[k].hash) {
        lowerRun += 1
        end = k
        k += 1
        continue
      }
      if k + 1 < w.count, line.gapIsSpace(after: k), nameWords.contains(w[k].hash, w[k + 1].hash) {
        lowerRun += 2
        end = k + 1
        k += 2
        continue
      }
      if nameWords.contains(w[k].hash) {
        lowerRun += 1
        end = k
        k += 1
        continue
      }
      break
    }
    guard named, end >= i + headCount else { return nil }
    // A lowercase syllable ends a name only inside a part: drop a dangling `và` or level word.
    var last = end
    while last > i + headCount - 1, w[last].hash == hVa { last -= 1 }
    let head0 = ScanText.string(line.bytes, w[i].start, w[i + headCount - 1].end)
    let rest = ScanText.string(line.bytes, w[i + headCount - 1].end, w[last].end)
    let written = head0 + rest
    if let expansion = head.expansion {
      return (last - i + 1, Organizations.Entry(name: expansion + rest, abbreviation: written))
    }
    // `Bộ Công an (BCA)`: an abbreviation in brackets right after the name.
    var abbreviation: String? = nil
    if last + 1 < w.count, line.gap(after: last).elementsEqual([0x20, 0x28]), Names.isAllCaps(line, last + 1),
      last + 2 >= w.count || line.gap(after: last + 1).first == 0x29
    {
      abbreviation = ScanText.string(line.bytes, w[last + 1].start, w[last + 1].end)
    }
    return (last - i + 1, Organizations.Entry(name: written, abbreviation: abbreviation))
  }

  /// `commaPartsEnd(_:from:)` returns the last word of `Thể thao và Du lịch` after a comma inside a
  /// name: capitalised parts of one or two syllables, `và`, and a last such part; nil otherwise.
  static func commaPartsEnd(_ line: TextLine, from k: Int) -> Int? {
    let w = line.words
    var j = k
    var sawAnd = false
    var parts = 0
    while j < w.count, parts < 4 {
      guard w[j].isCapitalized, !w[j].isNumber, heads.match(line, at: j) == nil, Gazetteer.match(line, at: j) == nil
      else { return nil }
      parts += 1
      var e = j
      if e + 1 < w.count, line.gapIsSpace(after: e), !w[e + 1].isCapitalized, !w[e + 1].isNumber,
        w[e + 1].hash != hVa, !stops.contains(w[e + 1].hash)
      {
        e += 1
      }
      if sawAnd { return e }
      guard e + 2 < w.count else { return nil }
      if line.gap(after: e).elementsEqual([0x2C, 0x20]) {
        j = e + 1
      } else if line.gapIsSpace(after: e), w[e + 1].hash == hVa, line.gapIsSpace(after: e + 1) {
        sawAnd = true
        j = e + 2
      } else {
        return nil
      }
    }
    return nil
  }

  /// `placeLength(_:at:)` is the length of an unlisted place name after a level word: capitalised
  /// words, at most four (`xã Mường Lống`, `TP.HCM`).
  static func placeLength(_ line: TextLine, at p: Int) -> Int {
    let w = line.words
    var n = 1
    while p + n < w.count, n < 4, w[p + n].isCapitalized, !w[p + n].isNumber,
      line.gapIsSpace(after: p + n - 1) || line.gap(after: p + n - 1).elementsEqual([0x2E]),
      !People.surnames.contains(w[p + n].hash) || Gazetteer.match(line, at: p + n) != nil
    {
      n += 1
    }
    return n
  }
}

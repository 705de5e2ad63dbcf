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
    /// Whether the body may be the parent a unit's name ends with: `Phòng CSHS Công an TP Hà
    /// Nội`, `Cục CSHS Bộ Công an`.
    var isParent = false
    /// Whether the name may end with the seat abroad or the branch's city: `Văn phòng Kinh tế -
    /// Văn hóa Đài Bắc tại Manila`, `Đại sứ quán Việt Nam tại Nhật Bản`.
    var takesSeat = false
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
         "Quận uỷ", "Đảng ủy", "Đảng uỷ", "Đảng bộ", "Chi bộ", "Mặt trận Tổ quốc", "Ban Chỉ huy Quân sự", "Bộ Chỉ huy Quân sự",
         "Ban chỉ huy quân sự", "Bộ CHQS", "Ban CHQS", "Hội Chữ thập đỏ", "Hội Nông dân", "Hội Cựu chiến binh",
         "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên", "Liên đoàn Lao động", "Kho bạc Nhà nước", "Chi cục Thuế",
         "Cục Thuế", "Cục Hải quan", "Bảo hiểm xã hội", "Sở", "Phòng", "Đồn Biên phòng", "Đồn BP", "Trạm y tế"],
        place: true)
    add(["Bộ", "Cục", "Tổng cục", "Chi cục", "Vụ", "Viện", "Ban", "Văn phòng", "Thanh tra", "Ngân hàng",
         "Đội", "Hội", "Liên đoàn", "Hiệp hội", "Tập đoàn", "Tổng công ty", "Hãng", "Báo", "Đài", "Tạp chí",
         "Thông tấn xã", "Nhà xuất bản", "Quân chủng", "Binh đoàn", "Sư đoàn", "Lữ đoàn", "Trung đoàn",
         "Bộ Tư lệnh", "Ủy ban", "Uỷ ban", "Hội đồng", "Liên minh", "Đảng", "Quốc hội", "Chính phủ", "Trại giam",
         "Tiểu đoàn", "Đại đội",
         "Nhà máy", "Xí nghiệp", "Cảng vụ", "Hạm đội", "Tổ chức", "Cơ quan", "Hiệp hội", "Liên hiệp"])
    add(["Trường", "Đại học", "Trường Đại học", "Học viện", "Bệnh viện", "Trung tâm", "Công ty", "Quỹ",
         "Câu lạc bộ", "CLB", "Hợp tác xã", "HTX", "Viện", "Nhà hát", "Khách sạn", "Nhà hàng"], people: true)
    add(["ĐH"], expansion: "Đại học", people: true)
    add(["THPT"], expansion: "Trường THPT", people: true)
    add(["THCS"], expansion: "Trường THCS", people: true)
    return entries
  }()
  static let heads = PhraseTable<Head>(headEntries)

  /// Bodies that a unit's name may end with, by their heads as written.
  static let parentHeads: Set<String> = [
    "Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND", "Hội đồng nhân dân", "HĐND", "Tòa án nhân dân", "Toà án nhân dân",
    "TAND", "Viện Kiểm sát nhân dân", "Viện kiểm sát nhân dân", "VKSND", "Công an", "CA", "Tỉnh ủy", "Tỉnh uỷ",
    "Thành ủy", "Thành uỷ", "Huyện ủy", "Huyện uỷ", "Quận ủy", "Quận uỷ", "Bộ Chỉ huy Quân sự", "Bộ CHQS", "Bộ", "Cục",
    "Tổng cục", "Sở", "Bộ Tư lệnh", "Đại học", "Trường Đại học", "Học viện", "Bệnh viện", "Tập đoàn", "Tổng công ty",
    "Bộ đội Biên phòng",
  ]
  static let seatHeads: Set<String> = [
    "Văn phòng", "Phái đoàn", "Đại sứ quán", "Lãnh sự quán", "Tổng Lãnh sự quán", "Cơ quan", "Chi nhánh",
    "Văn phòng đại diện", "Cơ quan đại diện", "Đại học", "Trường Đại học",
  ]

  /// Heads the organisation rules read beyond `heads` (which the people rules also consult, so a
  /// person named `Hải Quân` stays a person there): abbreviated heads and foreign bodies.
  static let extraHeadEntries: [(String, Head)] = {
    var entries: [(String, Head)] = []
    func add(_ names: [String], expansion: String? = nil, people: Bool = false, place: Bool = false) {
      for n in names { entries.append((n, Head(expansion: expansion, namedAfterPeople: people, takesPlace: place))) }
    }
    add(["CA"], expansion: "Công an", place: true)
    add(["Chính quyền"], place: true)
    add(["UB"], expansion: "Ủy ban")
    add(["VP"], expansion: "Văn phòng")
    add(["Cty"], expansion: "Công ty", people: true)
    add(["CTCP"], expansion: "Công ty cổ phần", people: true)
    add(["BV"], expansion: "Bệnh viện", people: true)
    add(["LĐBĐ"], expansion: "Liên đoàn Bóng đá")
    add(["Đại sứ quán", "Lãnh sự quán", "Tổng Lãnh sự quán", "Phái đoàn", "Nội các", "Chi nhánh", "Hải quân",
         "Không quân", "Lục quân", "Sở cảnh sát", "Văn phòng đại diện", "Cơ quan đại diện", "Hãng thông tấn",
         "Hãng tin", "Liên đoàn Bóng đá", "Liên đoàn bóng đá"])
    return entries
  }()

  /// Every head the organisation rules read, with `isParent` and `takesSeat` set.
  static let orgHeads: PhraseTable<Head> = PhraseTable(
    (headEntries + extraHeadEntries).map { name, head in
      var h = head
      h.isParent = parentHeads.contains(name)
      h.takesSeat = seatHeads.contains(name)
      return (name, h)
    })

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
    ("Manchester United", "MU", ["Manchester United", "Man United", "Man Utd", "M.U", "MU"]),
    ("Manchester City", nil, ["Manchester City", "Man City"]), ("Chelsea", nil, ["Chelsea"]),
    ("Arsenal", nil, ["Arsenal"]), ("Liverpool", nil, ["Liverpool"]), ("Tottenham", nil, ["Tottenham"]),
    ("Everton", nil, ["Everton"]), ("Real Madrid", nil, ["Real Madrid"]), ("Barcelona", nil, ["Barcelona", "Barca"]),
    ("Atletico Madrid", nil, ["Atletico Madrid"]), ("Bayern Munich", nil, ["Bayern Munich", "Bayern"]),
    ("Borussia Dortmund", nil, ["Borussia Dortmund", "Dortmund"]), ("Juventus", nil, ["Juventus"]),
    ("AC Milan", nil, ["AC Milan"]), ("Inter Milan", nil, ["Inter Milan"]), ("PSG", nil, ["PSG"]),
    ("Ajax", nil, ["Ajax"]), ("Hoàng Anh Gia Lai", "HAGL", ["Hoàng Anh Gia Lai", "HAGL"]),
    ("Sông Lam Nghệ An", "SLNA", ["Sông Lam Nghệ An", "SLNA"]),
  ] + moreNamed

  /// More bodies news names alone: agencies and outlets cited as sources, international and
  /// foreign bodies, companies and clubs known by their brand.
  static let moreNamed: [(String, String?, [String])] = [
    // International and foreign bodies.
    ("Ủy ban châu Âu", "EC", ["Ủy ban châu Âu", "Uỷ ban châu Âu", "Ủy ban Châu Âu", "EC"]),
    ("Nghị viện châu Âu", nil, ["Nghị viện châu Âu", "Nghị viện Châu Âu"]),
    ("Ngân hàng Trung ương châu Âu", "ECB", ["Ngân hàng Trung ương châu Âu", "ECB"]),
    ("Cục Dự trữ Liên bang Mỹ", "Fed", ["Cục Dự trữ Liên bang Mỹ", "Cục Dự trữ Liên bang", "Fed", "FED"]),
    ("Quỹ Tiền tệ Quốc tế", "IMF", ["Quỹ Tiền tệ Quốc tế", "Quỹ Tiền tệ quốc tế"]),
    ("IAEA", nil, ["IAEA"]), ("UNHCR", nil, ["UNHCR"]), ("UNDP", nil, ["UNDP"]), ("FAO", nil, ["FAO"]),
    ("ILO", nil, ["ILO"]), ("OECD", nil, ["OECD"]), ("WFP", nil, ["WFP"]), ("OSCE", nil, ["OSCE"]),
    ("AFC", nil, ["AFC"]), ("ISIS", nil, ["ISIS"]), ("Boko Haram", nil, ["Boko Haram"]),
    ("Jabhat al-Nusra", nil, ["Jabhat al-Nusra"]), ("Anh em Hồi giáo", nil, ["Anh em Hồi giáo"]),
    ("Ngân hàng Nhà nước", "NHNN", ["Ngân hàng Nhà nước", "NHNN"]),
    ("HOSE", nil, ["HOSE"]), ("HNX", nil, ["HNX"]),
    // News agencies and outlets.
    ("Sky News", nil, ["Sky News"]), ("Sky Sports", nil, ["Sky Sports", "Skysports", "Sky Sport"]),
    ("Financial Times", nil, ["Financial Times"]), ("Le Monde", nil, ["Le Monde"]), ("Le Figaro", nil, ["Le Figaro"]),
    ("Forbes", nil, ["Forbes"]), ("Fox News", nil, ["Fox News"]), ("NBC", nil, ["NBC"]), ("CBS", nil, ["CBS"]),
    ("ABC", nil, ["ABC"]), ("ESPN", nil, ["ESPN"]), ("USA Today", nil, ["USA Today"]), ("The Sun", nil, ["The Sun"]),
    ("Mirror", nil, ["Mirror", "Daily Mirror"]), ("The Independent", nil, ["The Independent"]),
    ("The Times", nil, ["The Times"]), ("Der Spiegel", nil, ["Der Spiegel", "Spiegel"]), ("Marca", nil, ["Marca"]),
    ("Asahi", nil, ["Asahi"]), ("Mainichi", nil, ["Mainichi"]), ("Yomiuri", nil, ["Yomiuri"]), ("Nikkei", nil, ["Nikkei"]),
    ("Global Times", nil, ["Global Times", "Thời báo Hoàn cầu", "Hoàn cầu Thời báo"]),
    ("Nhân dân Nhật báo", nil, ["Nhân dân Nhật báo"]), ("South China Morning Post", nil, ["South China Morning Post"]),
    ("Straits Times", nil, ["Straits Times"]), ("Bangkok Post", nil, ["Bangkok Post"]), ("Izvestia", nil, ["Izvestia"]),
    ("Pravda", nil, ["Pravda"]), ("RT", nil, ["RT"]), ("Interfax", nil, ["Interfax"]), ("Al Arabiya", nil, ["Al Arabiya"]),
    ("Mail Online", nil, ["Mail Online"]), ("Huffington Post", nil, ["Huffington Post"]),
    // Companies known by their brand.
    ("Huawei", nil, ["Huawei"]), ("ZTE", nil, ["ZTE"]),
    ("BMW", nil, ["BMW"]), ("Volkswagen", nil, ["Volkswagen"]), ("Daimler", nil, ["Daimler"]), ("Intel", nil, ["Intel"]), ("IBM", nil, ["IBM"]),
    ("Alibaba", nil, ["Alibaba"]), ("Baidu", nil, ["Baidu"]), ("Tencent", nil, ["Tencent"]), ("Yahoo", nil, ["Yahoo"]),
    ("YouTube", nil, ["YouTube", "Youtube"]), ("Instagram", nil, ["Instagram"]), ("LinkedIn", nil, ["LinkedIn"]),
    ("Uber", nil, ["Uber"]), ("Boeing", nil, ["Boeing"]), ("Airbus", nil, ["Airbus"]), ("Siemens", nil, ["Siemens"]),
    ("Alstom", nil, ["Alstom"]), ("General Motors", "GM", ["General Motors", "GM"]), ("Coca-Cola", nil, ["Coca-Cola"]),
    ("PepsiCo", nil, ["PepsiCo"]), ("Unilever", nil, ["Unilever"]), ("Nestlé", nil, ["Nestlé", "Nestle"]),
    ("Heineken", nil, ["Heineken"]), ("Mitsubishi", nil, ["Mitsubishi"]), ("Sumitomo", nil, ["Sumitomo"]),
    ("Panasonic", nil, ["Panasonic"]), ("Toshiba", nil, ["Toshiba"]), ("Mastercard", nil, ["Mastercard", "MasterCard"]), ("SoftBank", nil, ["SoftBank"]),
    ("Weibo", nil, ["Weibo"]), ("Gazprom", nil, ["Gazprom"]), ("HSBC", nil, ["HSBC"]), ("Citigroup", nil, ["Citigroup"]),
    ("Goldman Sachs", nil, ["Goldman Sachs"]), ("Flickr", nil, ["Flickr"]), ("Isuzu", nil, ["Isuzu"]),
    ("Vinashin", nil, ["Vinashin"]), ("Vinalines", nil, ["Vinalines"]), ("Vinaphone", nil, ["Vinaphone", "VinaPhone"]),
    ("ACB", nil, ["ACB"]), ("SHB", nil, ["SHB"]), ("Eximbank", nil, ["Eximbank"]), ("HDBank", nil, ["HDBank"]),
    ("Jetstar Pacific", nil, ["Jetstar Pacific"]),
    // Clubs.
    ("Atletico Madrid", nil, ["Atletico"]), ("Napoli", nil, ["Napoli"]), ("AS Roma", nil, ["AS Roma"]),
    ("Lazio", nil, ["Lazio"]), ("Benfica", nil, ["Benfica"]), ("Celtic", nil, ["Celtic"]), ("Schalke", nil, ["Schalke"]),
    ("Galatasaray", nil, ["Galatasaray"]), ("West Ham", nil, ["West Ham"]), ("Aston Villa", nil, ["Aston Villa"]),
    ("Fulham", nil, ["Fulham"]), ("Swansea", nil, ["Swansea"]), ("Sunderland", nil, ["Sunderland"]),
    ("Boca Juniors", nil, ["Boca Juniors"]),
  ]

  /// The first words of every listed body and head: most capitalised words are none, and are
  /// passed over with one load.
  static let firstWords: WordSet = {
    var words: [String] = []
    for (_, _, variants) in named {
      for v in variants { words.append(String(v.split(separator: " ").first ?? "")) }
    }
    for (h, _) in headEntries + extraHeadEntries { words.append(String(h.split(separator: " ").first ?? "")) }
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
      "đặc nhiệm", "phản ứng", "nhanh", "thuế", "chống", "nội địa", "tối cao", "cấp cao", "tự vệ", "dân quân",
      "khảo cổ", "cổ học", "học", "khí tượng", "thủy văn", "thuỷ văn", "dự báo", "cây trồng", "vật nuôi",
      "sinh học", "hóa học", "vật lý", "toán học", "y học", "dược", "tâm lý", "xã hội học", "nhân văn",
      "an toàn", "dự án", "tài liệu", "hoạch hóa", "hoạch hoá", "gia đình", "phòng chống",
      "truy nã", "thuốc lá", "tải biển", "tố tụng", "tư lệnh", "kỷ lục", "khí hậu", "hải đảo", "đất đai",
      "khoáng sản", "địa chất", "đo đạc", "bản đồ",
    ])
  static let hVa = ScanText.wordHashes("và")[0]
  static let hVe = ScanText.wordHashes("về")[0]
  static let hVu = ScanText.wordHashes("vụ")[0]
  static let hBao = ScanText.wordHashes("Báo")[0]
  static let hSo = ScanText.wordHashes("số")[0]
  static let hChau = ScanText.wordHashes("châu")[0]
  static let continents = WordSet(["Á", "Âu", "Phi", "Mỹ", "Úc", "Đại"])
  /// Capitalised words before a head that leave it a head: titles (`Trưởng Ban`, `Phó Phòng`).
  static let beforeHeads = WordSet(["trưởng", "phó", "chánh", "hiện", "riêng", "phía"])
  /// A country's one-word name followed by a syllable that makes a word with it.
  static let placeCompounds = PhraseSet(["pháp luật", "pháp chế", "pháp y", "pháp lý", "anh em", "anh hùng"])
  static let hTai = ScanText.wordHashes("tại")[0]
  static let hO = ScanText.wordHashes("ở")[0]
  static let hTP = ScanText.wordHashes("TP")[0]
  static let hTX = ScanText.wordHashes("TX")[0]
  static let hQ = ScanText.wordHashes("Q")[0]
  static let hP = ScanText.wordHashes("P")[0]
  /// Levels after which a court or procuracy may name its seat: `TAND tối cao tại TP.HCM`.
  static let seatLevels = WordSet(["cao"])
  /// Every variant of a named body, as written, that is its canonical name: other variants are the
  /// short forms the text uses (`Man City`, `Barca`) and are kept as its abbreviation.
  static let namedNames: Set<String> = Set(named.map(\.0))
  static let namedVariants: Set<String> = Set(named.flatMap(\.2))

  static let hBo = ScanText.wordHashes("Bộ")[0]
  /// What `bộ` counts when it is a set, not a ministry: `Bộ Quy tắc ứng xử`, `Bộ luật`, `bộ sưu tập`.
  static let setNouns = PhraseSet(
    ["quy tắc", "luật", "tiêu chí", "tiêu chuẩn", "quy chuẩn", "nguyên tắc", "quy chế", "từ điển", "sưu tập", "hồ sơ",
     "sách", "phim", "công cụ", "đề thi", "câu hỏi"])

  /// Heads of institutions that a description in unlisted small words and a place may name
  /// (`Cơ quan hàng không dân dụng Colombia`, `Hiệp hội chăn nuôi gia cầm Đông Nam Bộ`).
  static let looseHeads = PhraseTable<Bool>(
    ["Cơ quan", "Cục", "Tổng cục", "Sở", "Ủy ban", "Uỷ ban", "Hội đồng", "Viện", "Trung tâm", "Hiệp hội", "Liên đoàn",
     "Ngân hàng", "Tập đoàn", "Quỹ", "Hội"].map { ($0, true) })
  /// First small words after such a head that make it no institution: `Hội nghị`, `Hội thảo`,
  /// `Hội chợ`, `Viện trợ`, `Sở hữu`, `Sở dĩ`, `Cục diện`, `Quỹ đất`; a title (`Viện trưởng`).
  static let looseNotFirst = WordSet(
    ["nghị", "thảo", "chợ", "thi", "diễn", "trại", "đàm", "quán", "viên", "họa", "hoạ", "ngộ", "tụ", "ý", "hè",
     "xuân", "làng", "đua", "giảng", "kiến", "chẩn", "nhập", "trợ", "phí", "hữu", "dĩ", "thích", "trường", "diện",
     "đất", "lương", "thời", "sách", "trưởng", "phó"])
  /// Small words no description of a body holds: a rank (`lớn nhất`, `lớn thứ hai nước Mỹ`), a
  /// generic `chức năng`, a plant (`Trung tâm nhiệt điện`).
  static let looseStops = WordSet(["nhất", "chức", "này", "kia", "nọ", "ta", "mình", "họ", "lớn", "thứ", "nước", "đầu", "nhiệt"])

  /// Heads that say no more than "organisation": `Tổ chức UNESCO` is `UNESCO`.
  static let genericHeads = PhraseTable<Bool>([("Tổ chức", true)])

  /// National bodies that have no province's or district's branch.
  static let nationalHeads = PhraseTable<Bool>([("Quốc hội", true), ("Chính phủ", true)])

  /// `isNationalBody(_:at:words:before:)` tells whether the `n` words at `i` are a national body
  /// and word `k` opens a province or city written without its level, which is then no branch of
  /// it: `Đoàn đại biểu Quốc hội Hà Nội` names `Quốc hội` (a country stays: `Quốc hội Mỹ`).
  static func isNationalBody(_ line: TextLine, at i: Int, words n: Int, before k: Int) -> Bool {
    nationalHeads.match(line, at: i)?.count == n && line.words[k].isCapitalized && Gazetteer.domestic.match(line, at: k) != nil
  }

  /// `closingNumber(_:after:)` returns the last word of a number (`1`, `24/24`) after a proper
  /// name's capitalised last word `j`, when punctuation or the line's end follows it.
  static func closingNumber(_ line: TextLine, after j: Int) -> Int? {
    let w = line.words
    guard w[j].isCapitalized, !w[j].isNumber, j + 1 < w.count, w[j + 1].isNumber,
      line.gap(after: j).elementsEqual([0x20])
    else { return nil }
    var e = j + 1
    if e + 1 < w.count, w[e + 1].isNumber, line.gap(after: e).elementsEqual([0x2F]) { e += 1 }
    guard e + 1 < w.count else { return e }
    let gap = line.gap(after: e)
    // Punctuation must follow, and no number glued to it (`2.5`, `2-1`, `2,5`).
    guard !line.gapIsSpace(after: e), !(w[e + 1].isNumber && !gap.contains(0x20)),
      let mark = gap.first(where: { $0 != 0x20 }), [0x28, 0x2C, 0x2E, 0x29, 0x3B, 0x3A].contains(mark)
    else { return nil }
    return e
  }

  /// `match(_:at:)` reads an organisation at word `i`: its words and its name (with the head
  /// written out) and abbreviation.
  /// With `lowerHead`, the head may be written in lowercase (`Trưởng phòng Tổng hợp`).
  static func match(
    _ line: TextLine, at i: Int, lowerHead: Bool = false
  ) -> (count: Int, entry: Organizations.Entry)? {
    let w = line.words
    guard w[i].isCapitalized || lowerHead, firstWords.contains(w[i].hash) else { return nil }
    // `Al-Qaeda`, `Coca-Cola`: a listed name's parts may be joined by a hyphen.
    if !lowerHead, let (count, payload) = namedTable.match(line, at: i, allowHyphens: true) {
      return namedMatch(line, at: i, count: count, payload: payload)
    }
    guard Gazetteer.match(line, at: i) == nil, let (headCount, head) = orgHeads.match(line, at: i) else { return nil }
    // `đường Trường Chinh`, `sông Trường Giang`: a street or a river named after a person or a place.
    if i > 0, !w[i - 1].isCapitalized, streetWords.contains(w[i - 1].hash), line.gap(after: i - 1).elementsEqual([0x20]) {
      return nil
    }
    // Inside another proper name: `Tây Ban Nha`, `Nguyễn Trường Giang`; but not after a word that
    // opens a sentence or a title (`Theo Cơ quan ...`, `Trưởng Phái đoàn EU`).
    if i > 0, w[i - 1].isCapitalized, line.gapIsSpace(after: i - 1), !Dates.isSentenceStart(line, i),
      !Names.isAllCaps(line, i - 1), !stops.contains(w[i - 1].hash), !beforeHeads.contains(w[i - 1].hash),
      !Names.isGlued(line, i - 1)
    {
      return nil
    }
    // `các Sở Công Thương`, `những Ban Nội chính`: a head after a plural names bodies of a kind,
    // none in particular, unless a place makes it one.
    let plural = i > 0 && !w[i - 1].isCapitalized && pluralWords.contains(w[i - 1].hash)
      && line.gap(after: i - 1).elementsEqual([0x20])
    // `Vụ Neymar`: an affair named after someone, no department, whose name is Vietnamese words
    // (`Vụ Pháp chế`) or an abbreviation (`Vụ ASEAN`).
    if w[i].hash == hVu, headCount == 1, i + 1 < w.count, !Names.isAllCaps(line, i + 1),
      line.isPlainLetters(i + 1),
      !PersonRules.isSyllableShaped(line.bytes[w[i + 1].start..<w[i + 1].end])
    {
      return nil
    }
    // `Báo Washington Post`: the paper is named by its own name.
    if w[i].hash == hBao, headCount == 1, i + 1 < w.count, line.gapIsSpace(after: i), namedTable.match(line, at: i + 1) != nil {
      return nil
    }
    var k = i + headCount
    var end = i + headCount - 1
    // `Bộ Quy tắc ứng xử`, `Bộ luật Hình sự`: `bộ` as a set of rules, a code or a collection
    // names no ministry.
    if headCount == 1, w[i].hash == hBo, k < w.count, line.gapIsSpace(after: i),
      setNouns.contains(w[k].hash) || (k + 1 < w.count && line.gapIsSpace(after: k) && setNouns.contains(w[k].hash, w[k + 1].hash))
    {
      return nil
    }
    // `Tổ chức UNESCO`: the generic head before a listed body's abbreviation names that body.
    if genericHeads.match(line, at: i)?.count == headCount, k < w.count, line.gap(after: k - 1).elementsEqual([0x20]),
      Names.isAllCaps(line, k), let (c, payload) = namedTable.match(line, at: k), c == 1
    {
      return namedMatch(line, at: k, count: c, payload: payload).map { (headCount + $0.count, $0.entry) }
    }
    // `Đại đội 33`, `Sư đoàn 304`: a military unit named by its number.
    if numberedUnits.contains(w[i].hash), headCount == 2, k < w.count, w[k].isNumber, line.gapIsSpace(after: k - 1),
      line.gap(after: k - 1).count == 1, numberedUnitHeads.match(line, at: i) != nil
    {
      let written = ScanText.string(line.bytes, w[i].start, w[k].end)
      return (headCount + 1, Organizations.Entry(name: written, abbreviation: nil))
    }
    var named = false
    var lowerRun = 0
    var afterPlace = false
    var namedByWord = false
    var lastLevelHigh = false
    // Inside the name of the person a school or a company is named after: `Trường Tiểu học dân
    // lập Đoàn Thị Điểm`.
    var inPerson = false
    // Listed lowercase words between the head and its name: `Cục điều tra Quốc gia Philippines`.
    var preRun = false
    // Unlisted lowercase words between an institution's head and a place: `Cơ quan hàng không dân
    // dụng Colombia`, a foreign body as news describes it; the place must end the name plainly.
    var loose = false
    while k < w.count {
      let gap = line.gap(after: k - 1)
      // `Bộ Văn hóa, Thể thao và Du lịch`, `Lao động, Thương binh và Xã hội`: parts listed with
      // commas, the last after `và`, are one name; not after a place, which ends it (`Công an
      // phường Tân Hòa, Minh và Hùng khai nhận`).
      if named, !afterPlace, gap.elementsEqual([0x2C, 0x20]), w[k].isCapitalized, let last = commaPartsEnd(line, from: k) {
        end = last
        k = last + 1
        continue
      }
      // `Sở GD-ĐT`, `Bộ LĐ-TB&XH`, `Sở Văn hóa-Thông tin`: parts joined by `-` or `&`.
      // `Sở VH,TT&DL`: abbreviations glued by a comma are one name too.
      let joined =
        ((gap.elementsEqual([0x2D]) || gap.elementsEqual([0x26])) && (w[k - 1].isCapitalized || named)
          && w[k].isCapitalized && !w[k].isNumber)
        || (gap.elementsEqual([0x2C]) && named && Names.isAllCaps(line, k - 1) && Names.isAllCaps(line, k))
      let spacedDash = gap.elementsEqual([0x20, 0x2D, 0x20]) || gap.elementsEqual([0x2D, 0x20])
      let initials = gap.elementsEqual([0x2E]) && named && Names.isInitial(line, k - 1) && Names.isInitial(line, k)
      guard (line.gapIsSpace(after: k - 1) && gap.count == 1) || spacedDash || joined || initials else { break }
      if initials {
        end = k
        k += 1
        continue
      }
      // `Đội CSGT số 7`
      if named, !afterPlace, w[k].hash == hSo, k + 1 < w.count, w[k + 1].isNumber, line.gapIsSpace(after: k) {
        end = k + 1
        k += 2
        afterPlace = true
        continue
      }
      // `Tổ chức Kỷ lục châu Á`, `Liên minh châu Âu`
      if named, w[k].hash == hChau, k + 1 < w.count, w[k + 1].isCapitalized, line.gapIsSpace(after: k),
        continents.contains(w[k + 1].hash)
      {
        end = k + 1
        k += 2
        afterPlace = true
        continue
      }
      if joined, !afterPlace {
        end = k
        k += 1
        named = true
        lowerRun = 0
        continue
      }
      let dashed = !line.gapIsSpace(after: k - 1)
      // `TAND tối cao tại TPHCM`, `Phái đoàn EU tại Việt Nam`: a seat after the name ends it.
      if !dashed, named, w[k].hash == hTai || w[k].hash == hO, head.takesSeat || lastLevelHigh,
        let n = seatLength(line, at: k + 1), line.gapIsSpace(after: k)
      {
        end = k + n
        k = end + 1
        break
      }
      if afterPlace { break }
      // `UBND Q.Bình Tân`, `Công an H.Định Quán`: a level abbreviated to capitals, a dot glued to
      // the place; only after a head that takes a place (`Công ty P.A` is no level).
      // `UBND Q.1`, `Công an P.7`: a district's or a ward's number after the dot.
      if !dashed, head.takesPlace, w[k].isCapitalized, k + 1 < w.count, w[k + 1].start == w[k].end + 1,
        line.bytes[w[k].end] == 0x2E, w[k + 1].isNumber, w[k].hash == hQ || w[k].hash == hP,
        w[k + 1].end - w[k + 1].start <= 2
      {
        end = k + 1
        k = end + 1
        named = true
        afterPlace = true
        continue
      }
      if !dashed, head.takesPlace, w[k].isCapitalized, k + 1 < w.count, w[k + 1].start == w[k].end + 1,
        line.bytes[w[k].end] == 0x2E, dottedLevels.contains(w[k].hash), Names.isTitleCase(line, k + 1)
      {
        end = k + (Gazetteer.match(line, at: k + 1) ?? placeLength(line, at: k + 1))
        k = end + 1
        named = true
        afterPlace = true
        continue
      }
      // Straight after the head of a body that takes a place: `TAND TX Long Khánh`, `VKSND TX.
      // Hương Trà`, `Công an Q. Bình Thạnh`, a level apart from its place; `UBND Q12`, `Công an P7`, a district's or
      // a ward's number glued to its level (`OrganizationFields` writes both out).
      if !dashed, head.takesPlace, k == i + headCount, w[k].isCapitalized {
        if (w[k].hash == hTX && line.gapIsSpace(after: k))
          || (dottedLevels.contains(w[k].hash) && line.gap(after: k).elementsEqual([0x2E, 0x20])),
          k + 1 < w.count, Names.isTitleCase(line, k + 1)
        {
          end = k + (Gazetteer.match(line, at: k + 1) ?? placeLength(line, at: k + 1))
          k = end + 1
          named = true
          afterPlace = true
          continue
        }
        if OrganizationFields.numberedLevel(line.bytes[w[k].start..<w[k].end]) != nil {
          end = k
          k += 1
          named = true
          afterPlace = true
          continue
        }
      }
      // A level and a place: `tỉnh Bình Dương`, `TP Hồ Chí Minh`, `thị xã Thuận An`.
      // `Đại biểu Quốc hội tỉnh Yên Bái`: a national body has no province's or district's branch;
      // the place is the member's constituency.
      if placeLevels.contains(w[k].hash), nationalHeads.match(line, at: i)?.count == headCount { break }
      if isNationalBody(line, at: i, words: headCount, before: k) { break }
      if !dashed, let (n, _) = levels.match(line, at: k),
        !(placeLevels.contains(w[k].hash) && k + 1 < w.count && !w[k + 1].isCapitalized
          && nameWords.contains(w[k].hash, w[k + 1].hash))
      {
        let p = k + n
        // `TP.HCM`, `TP. Hồ Chí Minh`; not `huyện. Nhận thấy`, where a sentence ends.
        let afterLevel = p < w.count ? line.gap(after: p - 1) : []
        let dotted = n == 1 && w[k].hash == hTP && (afterLevel.elementsEqual([0x2E]) || afterLevel.elementsEqual([0x2E, 0x20]))
        // `Công an quận 12`
        if p < w.count, w[p].isNumber, n == 1, numberedLevels.contains(w[k].hash), line.gapIsSpace(after: p - 1) {
          end = p
          k = p + 1
          named = true
          afterPlace = true
          continue
        }
        // After unlisted small words, a level that is no place's (`quốc gia`) names a listed one.
        // Nor does a level written with a capital (`Hội phụng sự Xã Hội`).
        if loose, w[k].isCapitalized || !placeLevels.contains(w[k].hash), p < w.count, Gazetteer.match(line, at: p) == nil {
          break
        }
        if p < w.count, w[p].isCapitalized, !w[p].isNumber, line.gapIsSpace(after: p - 1) || dotted {
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
        lastLevelHigh = seatLevels.contains(w[p - 1].hash)
        end = p - 1
        k = p
        named = named || head.takesPlace
        continue
      }
      if w[k].isCapitalized, !w[k].isNumber {
        // After unlisted small words, only a listed place names the body.
        if loose, Gazetteer.match(line, at: k) == nil { break }
        // `Bệnh viện đa khoa Định Quán`, `Công ty Vận tải biển Thăng Long`: a firm, a school or a
        // hospital is named by its proper name after the listed words of its field.
        let afterField = head.namedAfterPeople && (preRun || lowerRun >= 2) && isNameAfterField(line, at: k)
        // `Cục ... gia đình Giấy phép ...`: after lowercase words, a capitalised one that is no
        // place, body or abbreviation begins the next sentence of glued text.
        // After lowercase words alone, only a place or a listed body names the body: `Đài phát
        // thanh Canada`, `Ủy ban điều hành FIFA`; not `Hội đồng khoa học Nguyễn ...`.
        if preRun, !named, !afterField, Gazetteer.match(line, at: k) == nil, namedTable.match(line, at: k) == nil,
          Organizations.match(line, at: k) == nil
        {
          break
        }
        let personNamed = head.namedAfterPeople && People.surnames.contains(w[k].hash)
        if lowerRun >= 2, !afterField, !personNamed, !inPerson, !Names.isAllCaps(line, k), Gazetteer.match(line, at: k) == nil,
          orgHeads.match(line, at: k) == nil, Organizations.match(line, at: k) == nil
        {
          break
        }
        // `Tổ chức Anh em Hồi giáo`: a listed body longer than the place its name begins with.
        if !named, let (c, _) = namedTable.match(line, at: k), c > (Gazetteer.match(line, at: k) ?? 0) {
          end = k + c - 1
          k = end + 1
          named = true
          namedByWord = true
          continue
        }
        // `UB Pháp luật`, `Viện Pháp y`: a country's name as a syllable of a word.
        let compound = k + 1 < w.count && line.gapIsSpace(after: k) && placeCompounds.contains(w[k].hash, w[k + 1].hash)
        if !compound, let n = Gazetteer.match(line, at: k) {
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
        if !inPerson, People.surnames.contains(w[k].hash), k + 1 < w.count, line.gapIsSpace(after: k),
          Names.isTitleCase(line, k + 1)
        {
          if !head.namedAfterPeople || (namedByWord && w[k - 1].isCapitalized) { break }
          inPerson = true
        }
        // A word glued to the next sentence ends the name before it: `Mỹ` in `MỹBà`.
        if Names.isGlued(line, k) { break }
        // Another body starts: `Bộ Công an và Bộ Quốc phòng`, `Bộ Tổng Tham mưu - Bộ Quốc phòng`
        // are two; but a unit's name ends with the body it belongs to, after a space alone:
        // `Phòng CSHS Công an TP Hà Nội`, `Cục CSHS Bộ Công an`. Before any name, it is the body
        // this one belongs to (`Văn phòng Bộ Công an`).
        if named, orgHeads.match(line, at: k) != nil || Organizations.match(line, at: k) != nil {
          if !dashed, let n = parentLength(line, unit: i, at: k) {
            end = k + n - 1
            k = end + 1
          }
          break
        }
        // Before any name, a body is the one this one belongs to: `Văn phòng Bộ Công an`,
        // `Đoàn Thanh niên Tổng cục Cảnh sát ...`.
        if !named,
          let (c, _) = Organizations.match(line, at: k) ?? (orgHeads.match(line, at: k) != nil ? match(line, at: k) : nil)
        {
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
        orgHeads.match(line, at: k + 1) == nil, Gazetteer.match(line, at: k + 1) == nil,
        People.ranks.match(line, at: k + 1) == nil, People.positionHeads.match(line, at: k + 1) == nil,
        Names.cues.match(line, at: k + 1) == nil,
        // `và Đào tạo`: a family name only when a given name follows.
        !(People.surnames.contains(w[k + 1].hash) && k + 2 < w.count && line.gapIsSpace(after: k + 1)
          && Names.isTitleCase(line, k + 2))
      {
        k += 1
        continue
      }
      // `Trung tâm Mạng lưới khí tượng thủy văn và môi trường`: `và` between two listed fields
      // written small, after the name has read one.
      if w[k].hash == hVa, named, lowerRun > 0, !dashed, k + 2 < w.count, line.gapIsSpace(after: k),
        line.gapIsSpace(after: k + 1), !w[k + 1].isCapitalized, nameWords.contains(w[k + 1].hash, w[k + 2].hash)
      {
        lowerRun += 2
        end = k + 2
        k += 3
        continue
      }
      // `Ban Chỉ đạo Nhà nước về Du lịch`, `Phòng CSĐT tội phạm về TTXH`, `Tổng cục Cảnh sát Quản
      // lý hành chính về trật tự an toàn xã hội`: `về` and the field the body deals with.
      if w[k].hash == hVe, named, !dashed, k + 1 < w.count, line.gapIsSpace(after: k), aboutFollows(line, at: k + 1) {
        k += 1
        lowerRun = 0
        continue
      }
      // The small syllables of a capitalised part: `Tài nguyên` (the word's own second syllable),
      // then listed words: `Cảnh sát hình sự`, `Kỹ thuật nghiệp vụ`.
      inPerson = false
      if !named, !dashed, !w[k].isNumber {
        if k + 1 < w.count, line.gapIsSpace(after: k), nameWords.contains(w[k].hash, w[k + 1].hash) {
          k += 2
          preRun = true
          continue
        }
        if nameWords.contains(w[k].hash) {
          k += 1
          preRun = true
          continue
        }
      }
      if !named, !dashed, !lowerHead, !w[k].isNumber, !w[k].isCapitalized, k - (i + headCount) < 6,
        !stops.contains(w[k].hash), !looseStops.contains(w[k].hash),
        k > i + headCount || !looseNotFirst.contains(w[k].hash),
        !(k + 1 < w.count && line.gapIsSpace(after: k) && OrganizationRules.verbPairs.contains(w[k].hash, w[k + 1].hash)),
        looseHeads.match(line, at: i)?.count == headCount
      {
        k += 1
        preRun = true
        loose = true
        continue
      }
      guard named, !w[k].isNumber, !stops.contains(w[k].hash) else { break }
      if lowerRun == 0, w[k - 1].isCapitalized, !Names.isAllCaps(line, k - 1) {
        // `Bộ Công Thương tổ chức`: the syllable begins a verb, not the part.
        if k + 1 < w.count, line.gapIsSpace(after: k), OrganizationRules.verbPairs.contains(w[k].hash, w[k + 1].hash) {
          break
        }
        // `Bộ Công Thương đẩy mạnh`, `Công ty Tân Tạo đồng thời`, `Bệnh viện Bạch Mai lọc máu`:
        // after two capitalised syllables, a small one that running text goes on from (another
        // small word or a number, not `và`) begins what follows the name. One the name may end
        // with stays its part's: `Khu Kinh tế Dung Quất`, `Bộ Luật Hình sự.`, `Sở Tài nguyên`.
        if k - 2 >= i + headCount, w[k - 2].isCapitalized, !w[k - 2].isNumber, !Names.isAllCaps(line, k - 2),
          line.gapIsSpace(after: k - 2), line.gap(after: k - 2).count == 1, Gazetteer.match(line, at: k - 2) == nil,
          k + 1 < w.count, line.gapIsSpace(after: k), line.gap(after: k).count == 1,
          !w[k + 1].isCapitalized || w[k + 1].isNumber, w[k + 1].hash != hVa, w[k + 1].hash != hVe,
          !nameWords.contains(w[k - 1].hash, w[k].hash)
        {
          break
        }
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
      // `Tổng cục Cảnh sát phòng, chống tội phạm`: the listed pair written with a comma.
      if isCommaPair(line, at: k) {
        lowerRun += 2
        end = k + 1
        k += 2
        continue
      }
      // `Hội Nuôi ong mật Việt Nam.`, `Cục Kiểm định hàng hóa,`: small words no list holds may end
      // the name, when the name plainly ends after them.
      if let e = lowercaseTail(line, from: k) { end = e }
      break
    }
    guard named, end >= i + headCount else { return nil }
    // `Cơ quan hàng không dân dụng Colombia thông báo`: after unlisted small words, the place ends
    // the name, before punctuation, a function word or a verb. A seat after it (`Hội người Việt
    // Nam tại Cộng hòa Séc`) leaves unknown where the name ends.
    // `các Sở ban ngành TP Cần Thơ`: after a plural, bodies of a kind, even with a place; a dash
    // after the place may join another (`Ủy ban liên chính phủ Nga - Cuba`).
    if loose {
      let after = end + 1 < w.count ? line.gap(after: end) : []
      guard afterPlace, !plural, !after.contains(0x2D), !after.starts(with: [0xE2, 0x80, 0x93]),
        !after.starts(with: [0x20, 0xE2, 0x80, 0x93]),
        !(end + 1 < w.count && line.gapIsSpace(after: end) && (w[end + 1].hash == hTai || w[end + 1].hash == hO)),
        endsAfter(line, end)
          || (end + 2 < w.count && line.gapIsSpace(after: end) && line.gapIsSpace(after: end + 1)
            && OrganizationRules.verbPairs.contains(w[end + 1].hash, w[end + 2].hash))
      else { return nil }
    }
    // `Sở Giáo dục các địa phương`: a plural after the name, too.
    if !afterPlace,
      plural
        || (end + 2 < w.count && line.gap(after: end).elementsEqual([0x20]) && pluralWords.contains(w[end + 1].hash)
          && !w[end + 1].isCapitalized && !w[end + 2].isCapitalized && line.gapIsSpace(after: end + 1))
    {
      return nil
    }
    // `Đảng bộ phường Tân Lập`, `Chi bộ xã ...`: a Party cell is named by its place; the body it
    // sits in (`Đảng bộ Công ty ...`) is read as that body's.
    if cellHeads.match(line, at: i)?.count == headCount, !afterPlace { return nil }
    // A lowercase syllable ends a name only inside a part: drop a dangling `và` or `về`.
    var last = end
    while last > i + headCount - 1, w[last].hash == hVa || w[last].hash == hVe { last -= 1 }
    // `Viện Nghiên cứu chiến lược quốc tế`, `Cục Biến đổi khí hậu`: a part that names an activity
    // reads on to its object; with none, or none that plainly ends, the body is not named.
    switch readActivity(line, part: i + headCount, last: last) {
    case .notActivity: break
    case .incomplete: return nil
    case .ends(let e): last = e
    }
    // `Ủy ban Pháp luật của Quốc hội`: a committee's name holds the parliament it belongs to.
    if committeeHeads.contains(w[i].hash), last + 3 < w.count, line.gapIsSpace(after: last),
      w[last + 1].hash == hCua, line.gapIsSpace(after: last + 1), w[last + 2].hash == hQuocHoi[0],
      w[last + 3].hash == hQuocHoi[1], line.gapIsSpace(after: last + 2), w[last + 2].isCapitalized
    {
      last += 3
    }
    // `BV Nhi Đồng 1 (TPHCM)`, `Công ty bảo vệ Vina 24/24,`: a number closing the clause right
    // after a proper name is the name's own; not one running text goes on from (`Công ty Tân Tạo 2
    // năm`), a decimal, a score (`2-1`), nor one after a place.
    if !afterPlace, let e = closingNumber(line, after: last) { last = e }
    // `Công ty TNHH`, `Công ty cổ phần`: a company's legal form alone names no company.
    if (i + headCount...last).allSatisfy({ legalForms.contains(w[$0].hash) }) { return nil }
    let head0 = ScanText.string(line.bytes, w[i].start, w[i + headCount - 1].end)
    let rest = ScanText.string(line.bytes, w[i + headCount - 1].end, w[last].end)
    let written = head0 + rest
    // `UBND TP.Hà Nội`, `Bộ GD-ĐT`, `Công an TPHCM`: an abbreviated head, field or level is
    // written out, so that one body is one name however the text writes it.
    if let expansion = head.expansion {
      let full = expansion + rest
      return (last - i + 1, Organizations.Entry(name: OrganizationFields.written(full), abbreviation: written))
    }
    if case let full = OrganizationFields.written(written), full != written {
      return (last - i + 1, Organizations.Entry(name: full, abbreviation: written))
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

  /// `namedMatch(_:at:count:payload:)` checks a listed body's name where it stands: an
  /// abbreviation glued to more (`AP-1`), a site's address (`VTV.vn`), a word of a longer proper
  /// name (`Michael Bloomberg`, `Samsung BioLogics`); a country after it names the body's branch
  /// there (`GM Việt Nam`). A short form written in the text is kept as the abbreviation.
  static func namedMatch(
    _ line: TextLine, at i: Int, count: Int, payload: (String, String?)
  ) -> (count: Int, entry: Organizations.Entry)? {
    let w = line.words
    let end = i + count - 1
    let allCaps = Names.isAllCaps(line, i)
    // A listed abbreviation must stand as a word of its own: `AP` in `AP-1` is no agency.
    if allCaps, count == 1, end + 1 < w.count, !line.gap(after: end).contains(0x20), !line.gap(after: end).isEmpty,
      line.gap(after: end).first != 0x2C, line.gap(after: end).first != 0x2E
    {
      return nil
    }
    if OrganizationRules.isWebAddress(line, after: end) { return nil }
    // `Nhà Trắng`, not `Nhà trắng` (a figure of speech): a phrase as listed.
    if count > 1, !namedVariants.contains(ScanText.string(line.bytes, w[i].start, w[end].end)) { return nil }
    if count == 1, !allCaps {
      // `Thị trưởng Bloomberg`: a person.
      if OrganizationRules.isPersonByTitle(line, i) { return nil }
      // `Michael Bloomberg`: the word ends another name; not after a word glued to the next
      // sentence (`Thanh BìnhTheo Izvestia`).
      if i > 0, w[i - 1].isCapitalized, line.gapIsSpace(after: i - 1), !Dates.isSentenceStart(line, i),
        !Names.isAllCaps(line, i - 1), orgHeads.match(line, at: i - 1) == nil, !stops.contains(w[i - 1].hash),
        !Names.isGlued(line, i - 1)
      {
        return nil
      }
    }
    let written = ScanText.string(line.bytes, w[i].start, w[end].end)
    // `GM Việt Nam`, `Unilever Việt Nam`: the body's branch in a country.
    if end + 1 < w.count, line.gapIsSpace(after: end), w[end + 1].isCapitalized {
      if let n = Gazetteer.match(line, at: end + 1), !namedNames.contains(written) || payload.1 == nil {
        let branch = ScanText.string(line.bytes, w[i].start, w[end + n].end)
        return (count + n, Organizations.Entry(name: branch, abbreviation: nil, isBrand: true))
      }
      // `Samsung BioLogics`: a longer name this one only begins.
      if count == 1, !allCaps, !Dates.isSentenceStart(line, end + 1), !w[end + 1].isNumber,
        orgHeads.match(line, at: end + 1) == nil, Organizations.match(line, at: end + 1) == nil
      {
        return nil
      }
    }
    var abbreviation = payload.1
    if written != payload.0, written != payload.1 { abbreviation = written }
    return (count, Organizations.Entry(name: payload.0, abbreviation: abbreviation, isBrand: true))
  }

  static let hTruc = ScanText.wordHashes("trực thuộc")
  static let hCua = ScanText.wordHashes("của")[0]
  static let hQuocHoi = ScanText.wordHashes("Quốc hội")
  /// First words of committees' heads (`Ủy ban`, `UB`), whose names may end with `của Quốc hội`.
  static let committeeHeads = WordSet(["Ủy", "Uỷ", "UB"])

  /// Parts that say what a body does, not which body it is: `Nghiên cứu`, `Quản lý`, `Bảo vệ`. A
  /// name made of a head and such a part alone (`Viện Nghiên cứu`, `Trung tâm Bảo vệ`) goes on with
  /// the activity's object in lowercase (`Viện Nghiên cứu chiến lược quốc tế`).
  static let activityParts = PhraseSet(
    [
      "nghiên cứu", "quản lý", "quản lí", "bảo vệ", "bảo tồn", "đào tạo", "điều tra", "biến đổi", "đăng ký",
      "đăng kí", "dự thảo", "hướng dẫn", "ứng phó", "phát triển", "hỗ trợ", "khai thác", "kiểm định", "giám sát",
      "xúc tiến", "chế tạo", "tư vấn", "thẩm định", "cứu trợ", "bồi dưỡng", "chăm sóc", "giám định", "chiến lược",
    ])
  /// Parts that name a body inside another (`Ban Giám đốc`, `Ban Tổ chức`, `Hội đồng Quản trị`):
  /// with no proper name after them, no body is named.
  static let innerParts = PhraseSet(
    ["giám đốc", "giám hiệu", "điều hành", "quản trị", "tổ chức", "thư ký", "chỉ đạo", "kiểm soát"])

  /// How a name made of a head and an activity reads on.
  enum ActivityReading {
    /// The part names no activity, or more than one: the name stands as read.
    case notActivity
    /// The activity has no object that plainly ends: no body is named.
    case incomplete
    /// The name ends with word `e`.
    case ends(Int)
  }

  /// `readActivity(_:part:last:)` reads on after a head whose name, from word `p` to `last`, is an
  /// activity (`Nghiên cứu`) and the listed small words after it: lowercase words, `và` between two
  /// of them, up to the punctuation, function word or verb that ends the name, or a proper name
  /// that closes the object (`Công ty Quản lý quỹ Dragon Capital và ...`); an abbreviation after
  /// the object is the body's (`... quốc tế IISS`) and stays out.
  static func readActivity(_ line: TextLine, part p: Int, last: Int) -> ActivityReading {
    let w = line.words
    guard p <= last, w[p].isCapitalized, !w[p].isNumber, !Names.isAllCaps(line, p) else { return .notActivity }
    let inner: Bool
    let n: Int
    if p + 1 <= last, line.gapIsSpace(after: p), !w[p + 1].isCapitalized {
      n = 2
      if activityParts.contains(w[p].hash, w[p + 1].hash) {
        inner = false
      } else if innerParts.contains(w[p].hash, w[p + 1].hash) {
        inner = true
      } else {
        return .notActivity
      }
    } else {
      return .notActivity
    }
    var k = p + n
    while k <= last {
      if w[k].isCapitalized || w[k].isNumber { return .notActivity }
      k += 1
    }
    let bare = p + n - 1
    if inner { return last == bare ? .incomplete : .notActivity }
    // With an object read already (`Cục Quản lý thị trường`), the name stands unless more plainly
    // belongs to it: small words up to punctuation, not up to a function word or a verb, which may
    // follow an adjective (`... xã hội vững vàng về chính trị`).
    let unknown: ActivityReading = last > bare ? .ends(last) : .incomplete
    var e = last
    var j = last + 1
    var endsAtWord = false
    while j < w.count {
      if j - last > 10 { return unknown }
      let gap = line.gap(after: j - 1)
      // `tầng ô-dôn`: a hyphen inside a lowercase word.
      let hyphen = gap.elementsEqual([0x2D]) && !w[j].isCapitalized && !w[j - 1].isCapitalized
      guard (gap.elementsEqual([0x20])) || hyphen else { break }
      if w[j].isNumber { return unknown }
      if w[j].isCapitalized {
        if j == e + 1, e > bare, Names.isAllCaps(line, j), endsAfter(line, j) { break }
        // A proper name closing the object: up to four capitalised words, no body, head or person.
        var r = j
        while true {
          if orgHeads.match(line, at: r) != nil || Organizations.match(line, at: r) != nil || Names.isGlued(line, r) {
            return unknown
          }
          if People.surnames.contains(w[r].hash), r + 1 < w.count, line.gapIsSpace(after: r), Names.isTitleCase(line, r + 1) {
            return unknown
          }
          guard r + 1 < w.count, r - j < 3, line.gap(after: r).elementsEqual([0x20]), w[r + 1].isCapitalized,
            !w[r + 1].isNumber
          else { break }
          r += 1
        }
        guard endsAfter(line, r) else { return unknown }
        endsAtWord = r + 1 < w.count && line.gap(after: r).elementsEqual([0x20])
        e = r
        break
      }
      // `các-bon`: a syllable hyphened to the next is a word's, not a function word.
      let hyphened = j + 1 < w.count && line.gap(after: j).elementsEqual([0x2D])
      if !hyphened, stops.contains(w[j].hash) {
        if w[j].hash == hVa, j + 1 < w.count, line.gapIsSpace(after: j) {
          // `bảo tồn và phát huy`: `và` between two small words; before a capitalised one, another
          // part follows (`chất lượng và Bảo vệ ...`), unknown how far.
          if w[j + 1].isCapitalized { return unknown }
          if !w[j + 1].isNumber, !stops.contains(w[j + 1].hash) {
            j += 1
            continue
          }
        }
        endsAtWord = true
        break
      }
      if j + 1 < w.count, line.gapIsSpace(after: j),
        OrganizationRules.verbPairs.contains(w[j].hash, w[j + 1].hash)
          || (w[j].hash == hTruc[0] && w[j + 1].hash == hTruc[1])
      {
        endsAtWord = true
        break
      }
      e = j
      j += 1
    }
    if e > last, last > bare, endsAtWord { return unknown }
    return e > bare ? .ends(e) : .incomplete
  }

  /// `endsAfter(_:_:)` tells whether a name plainly ends after word `j`: at the line's end, before
  /// punctuation, or before a function word.
  static func endsAfter(_ line: TextLine, _ j: Int) -> Bool {
    let w = line.words
    guard j + 1 < w.count else { return true }
    if !line.gap(after: j).elementsEqual([0x20]) { return true }
    return !w[j + 1].isCapitalized && stops.contains(w[j + 1].hash)
  }
  /// The words of a company's legal form: `TNHH`, `MTV`, `cổ phần`, `trách nhiệm hữu hạn một thành viên`.
  static let legalForms = WordSet(
    ["tnhh", "mtv", "cp", "ctcp", "cổ", "phần", "trách", "nhiệm", "hữu", "hạn", "một", "thành", "viên", "ltd", "jsc", "co"])

  /// Heads of Party cells, named by the place they serve.
  static let cellHeads = PhraseTable<Bool>([("Đảng bộ", true), ("Chi bộ", true)])

  /// `ends(_:after:)` tells whether a body's name plainly ends after word `j`: a bracket follows
  /// (`(Trung tâm Hỗ trợ nông dân nghèo)`, `... nông dân nghèo (HTND)`), or `trực thuộc` and the body
  /// above it; with `place`, after a listed place, also a period, a semicolon, a comma or a colon.
  /// Not a period alone, which a verb ends a sentence with (`Sở Giao thông đồng ý.`).
  static func ends(_ line: TextLine, after j: Int, place: Bool = false) -> Bool {
    let w = line.words
    guard j + 1 < w.count else { return place }
    let gap = line.gap(after: j)
    if let c = gap.first, c == 0x29 || (place && (c == 0x2E || c == 0x3B || c == 0x2C || c == 0x3A)) { return true }
    if gap.elementsEqual([0x20, 0x28]) { return true }
    return gap.elementsEqual([0x20]) && j + 2 < w.count && w[j + 1].hash == hTruc[0] && w[j + 2].hash == hTruc[1]
  }

  /// `lowercaseTail(_:from:)` returns the last word of the small words from `k` that end a body's
  /// name after a part written as words (`Quản lý`, not `GTVT` nor `Fortuna`): up to six, none a
  /// function word, number or verb (`và` only between two of them), after which the name plainly
  /// ends (`ends(_:after:)`), or a listed place does and then the name (`Hội Nuôi ong mật Việt
  /// Nam.`); nil when the words may go on into the sentence.
  static func lowercaseTail(_ line: TextLine, from k: Int) -> Int? {
    let w = line.words
    guard k >= 2, !w[k - 1].isCapitalized else { return nil }
    var c = k - 2
    while c > 0, !w[c].isCapitalized, k - c < 6 { c -= 1 }
    guard Names.isTitleCase(line, c), !Names.isAllCaps(line, c) else { return nil }
    var j = k
    while j < w.count, j - k < 6 {
      guard !w[j].isCapitalized, !w[j].isNumber, j == k || line.gapIsSpace(after: j - 1) else { return nil }
      if stops.contains(w[j].hash) {
        // `hỗ trợ và bảo vệ`: `và` between two small words.
        guard w[j].hash == hVa, j > k, j + 1 < w.count, line.gapIsSpace(after: j), !w[j + 1].isCapitalized,
          !stops.contains(w[j + 1].hash)
        else { return nil }
        j += 1
        continue
      }
      if j + 1 < w.count, line.gapIsSpace(after: j), OrganizationRules.verbPairs.contains(w[j].hash, w[j + 1].hash) {
        return nil
      }
      if ends(line, after: j) { return j }
      guard line.gapIsSpace(after: j), j + 1 < w.count else { return nil }
      if w[j + 1].isCapitalized {
        guard let n = Gazetteer.match(line, at: j + 1), ends(line, after: j + n, place: true) else { return nil }
        return j + n
      }
      j += 1
    }
    return nil
  }

  /// Military units named by a number after them: `Đại đội 33`, `Trung đoàn 165`.
  static let numberedUnitHeads = PhraseTable<Bool>(
    ["Sư đoàn", "Lữ đoàn", "Trung đoàn", "Tiểu đoàn", "Đại đội"].map { ($0, true) })
  static let numberedUnits = WordSet(["Sư", "Lữ", "Trung", "Tiểu", "Đại"])

  /// Levels abbreviated to capitals with a dot glued to the place: `Q.Bình Tân`, `H.Định Quán`,
  /// `P.Tân Tạo`, `TX.Dĩ An`, `TT.Trảng Bom`.
  static let dottedLevels = WordSet(["Q", "H", "P", "TX", "TT"])
  static let hPhong = ScanText.wordHashes("phòng")[0]
  static let hChong = ScanText.wordHashes("chống")[0]

  /// `isCommaPair(_:at:)` tells whether word `k` begins `phòng, chống`, the listed pair written
  /// with a comma, as the names of bodies that fight crime write it.
  static func isCommaPair(_ line: TextLine, at k: Int) -> Bool {
    let w = line.words
    return k + 1 < w.count && w[k].hash == hPhong && w[k + 1].hash == hChong && line.gap(after: k).elementsEqual([0x2C, 0x20])
  }

  /// `isNameAfterField(_:at:)` tells whether the capitalised word `k`, after a head and the listed
  /// words of its field, may begin the body's proper name: written as a name or in capitals, joined
  /// by one space, glued to nothing, and no person (a family name and a given name), title, rank,
  /// cue or other body.
  static func isNameAfterField(_ line: TextLine, at k: Int) -> Bool {
    let w = line.words
    guard k > 0, line.gapIsSpace(after: k - 1), line.gap(after: k - 1).count == 1, !w[k].isNumber,
      Names.isTitleCase(line, k) || Names.isAllCaps(line, k), !Names.isGlued(line, k)
    else { return false }
    if People.surnames.contains(w[k].hash), k + 1 < w.count, line.gapIsSpace(after: k), Names.isTitleCase(line, k + 1) {
      return false
    }
    // `Bệnh viện đa khoa Phú YênTrước đó`: a name run into the next sentence ends unknown.
    var j = k + 1
    while j < w.count, j - k <= 4, line.gapIsSpace(after: j - 1), w[j].isCapitalized {
      if Names.isGlued(line, j) { return false }
      j += 1
    }
    return orgHeads.match(line, at: k) == nil && People.positionHeads.match(line, at: k) == nil
      && People.ranks.match(line, at: k) == nil && Names.cues.match(line, at: k) == nil
  }

  /// `aboutFollows(_:at:)` tells whether the words after `về` name a body's field: a capitalised
  /// part that is no place, person, body or document (`về Du lịch`), an abbreviation (`về TTXH`),
  /// or a listed pair (`về trật tự an toàn xã hội`).
  static func aboutFollows(_ line: TextLine, at k: Int) -> Bool {
    let w = line.words
    if w[k].isCapitalized {
      return !w[k].isNumber && Gazetteer.match(line, at: k) == nil && !People.surnames.contains(w[k].hash)
        && orgHeads.match(line, at: k) == nil && Organizations.match(line, at: k) == nil
        && !OrganizationRules.documentWords.contains(w[k].hash) && !Names.isGlued(line, k)
    }
    return k + 1 < w.count && line.gapIsSpace(after: k) && nameWords.contains(w[k].hash, w[k + 1].hash)
  }

  /// `seatLength(_:at:)` is the length of a seat after `tại` or `ở`: a listed place, or a level
  /// and a place (`TP.HCM`), standing at the end of the name (before punctuation or a lowercase
  /// word); nil otherwise.
  static func seatLength(_ line: TextLine, at p: Int) -> Int? {
    let w = line.words
    guard p < w.count, w[p].isCapitalized else { return nil }
    var n: Int
    if let g = Gazetteer.match(line, at: p) {
      n = g
    } else if Names.isAllCaps(line, p), w[p].hash != hTP {
      n = 1  // `TPHCM`
    } else if w[p].hash == hTP, p + 1 < w.count, w[p + 1].isCapitalized,
      line.gapIsSpace(after: p) || line.gap(after: p).elementsEqual([0x2E]) || line.gap(after: p).elementsEqual([0x2E, 0x20])
    {
      n = 1 + (Gazetteer.match(line, at: p + 1) ?? placeLength(line, at: p + 1))
    } else {
      return nil
    }
    let last = p + n - 1
    if last + 1 < w.count, line.gapIsSpace(after: last), w[last + 1].isCapitalized { return nil }
    return n
  }

  /// `parentLength(_:unit:at:)` is the length of the body at word `k` that the unit's name at
  /// word `unit` ends with (`Công an TP Hà Nội` after `Phòng CSHS`), or nil when the words before
  /// are a listed body of their own (`Cục Tác chiến Bộ Tổng Tham mưu` names two) or the body at
  /// `k` is no parent.
  static func parentLength(_ line: TextLine, unit: Int, at k: Int) -> Int? {
    if let (c, _) = Organizations.match(line, at: unit), unit + c == k { return nil }
    if let (c, _) = Organizations.match(line, at: k) {
      // `Bộ Công an`, but `Bộ đội Biên phòng tỉnh Quảng Nam` reads on.
      if let (h, head) = orgHeads.match(line, at: k), head.isParent, let (n, _) = match(line, at: k), n > c, h < n {
        return n
      }
      // `Bộ Chỉ huy BĐBP TP Hải Phòng`: a listed parent's level and place.
      return c + (levelPlaceLength(line, at: k + c) ?? 0)
    }
    guard let (_, head) = orgHeads.match(line, at: k), head.isParent, let (n, _) = match(line, at: k) else { return nil }
    return n
  }

  /// Words before or after a head's name that make it plural: `các Sở Công Thương`.
  static let pluralWords = WordSet(["các", "những", "mỗi", "từng"])

  /// `levelPlaceLength(_:at:)` is the length of a level and the place after it at word `p`, after a
  /// space (`TP Hải Phòng`, `tỉnh Quảng Nam`), or nil.
  static func levelPlaceLength(_ line: TextLine, at p: Int) -> Int? {
    let w = line.words
    guard p > 0, p < w.count, line.gap(after: p - 1).elementsEqual([0x20]), placeLevels.contains(w[p].hash),
      let (n, _) = levels.match(line, at: p)
    else { return nil }
    let q = p + n
    guard q < w.count, line.gap(after: q - 1).elementsEqual([0x20]), w[q].isCapitalized, !w[q].isNumber else {
      return nil
    }
    return n + (Gazetteer.match(line, at: q) ?? placeLength(line, at: q))
  }

  static let hTheo = ScanText.wordHashes("theo")[0]

  /// `matchSourceCredit(_:at:)` reads the source a story closes with (`Theo Izvestia`, `(theo
  /// PhilStar)`): `theo` and a foreign name of one to four words written without Vietnamese
  /// letters, ending the line; an unlisted outlet, which the lists leave unread.
  static func matchSourceCredit(_ line: TextLine, at i: Int) -> (count: Int, entry: Organizations.Entry)? {
    let w = line.words
    guard w[i].hash == hTheo, w.count - i >= 2, w.count - i <= 5, line.gap(after: i).elementsEqual([0x20]) else {
      return nil
    }
    let last = w.count - 1
    let tail = line.gap(after: last)
    guard tail.isEmpty || tail.elementsEqual([0x29]) || tail.elementsEqual([0x29, 0x2E]) || tail.elementsEqual([0x2E])
    else { return nil }
    for k in (i + 1)...last {
      guard Names.isTitleCase(line, k) || Names.isAllCaps(line, k), !w[k].isNumber,
        k == last || line.gap(after: k).elementsEqual([0x20])
      else { return nil }
      for b in line.bytes[w[k].start..<w[k].end] where b >= 0x80 { return nil }
    }
    guard namedTable.match(line, at: i + 1) == nil, orgHeads.match(line, at: i + 1) == nil,
      Organizations.match(line, at: i + 1) == nil, Gazetteer.match(line, at: i + 1) == nil
    else { return nil }
    let written = ScanText.string(line.bytes, w[i + 1].start, w[last].end)
    return (last - i + 1, Organizations.Entry(name: written, abbreviation: nil))
  }

  /// `isHeadOnly(_:)` tells whether a short text is a head alone (`Tập đoàn`, `CLB`).
  static func isHeadOnly(_ text: String) -> Bool {
    let line = TextLine(number: 0, text: text)
    guard !line.words.isEmpty, let (n, _) = orgHeads.match(line, at: 0) else { return false }
    return n == line.words.count
  }

  /// `isPlaceOnly(_:)` tells whether a short text is a listed place alone (`Việt Nam`).
  static func isPlaceOnly(_ text: String) -> Bool {
    let line = TextLine(number: 0, text: text)
    guard !line.words.isEmpty, let n = Gazetteer.match(line, at: 0) else { return false }
    return n == line.words.count
  }

  /// `commaPartsEnd(_:from:)` returns the last word of `Thể thao và Du lịch` after a comma inside a
  /// name: capitalised parts of one or two syllables, `và`, and a last such part; nil otherwise.
  static func commaPartsEnd(_ line: TextLine, from k: Int) -> Int? {
    let w = line.words
    var j = k
    var sawAnd = false
    var parts = 0
    while j < w.count, parts < 4 {
      guard w[j].isCapitalized, !w[j].isNumber, orgHeads.match(line, at: j) == nil, Gazetteer.match(line, at: j) == nil
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
        // `xã Vĩnh Đồng cho biết`: a family name ends the place only when a given name follows.
        || !(p + n + 1 < w.count && line.gapIsSpace(after: p + n) && Names.isTitleCase(line, p + n + 1))
    {
      n += 1
    }
    return n
  }
}

extension OrganizationNames {
  /// Lowercase heads that name one body with the place after them: a level and a place for the
  /// police (`công an tỉnh Đồng Nai`, `công an quận 12`), a listed place or a level and a place
  /// for a police force (`cảnh sát Philippines`, `cảnh sát thành phố Kim Hoa`). The payload tells
  /// whether a level is due. A government or an army written in lowercase with its country
  /// (`chính phủ Mỹ`, `quân đội Syria`) is mostly a country's, not a named body, and is left.
  static let lowerHeads = PhraseTable<Bool>([("công an", true), ("cảnh sát", false)])
  /// The first words of `lowerHeads`, `titledHeads` and `namingHeads`, tested once per lowercase word.
  static let lowerFirst = WordSet(
    ["công", "cảnh", "phòng", "ban", "sở", "tờ", "báo", "nhật", "tạp", "trang", "khách", "nhà", "đảng", "theo", "hãng", "tập"])

  /// How a lowercase head that a proper name follows names the body.
  enum Naming: Sendable {
    /// An outlet, named without its common noun: `tờ Daily Star` is `Daily Star`.
    case outlet
    /// A paper or a magazine, named with its head as written: `báo Kinh tế & Đô thị`.
    case paper
    /// A venue or a firm, named with its head: `khách sạn Vạn Xuân`, `nhà xe Phương Trang`.
    case venue
    /// A company, named with its head, whose name is no place's (`công ty Trung Quốc`, `hãng Nga
    /// ...` say where a firm is from): `công ty Venus`, `hãng Hasbro`.
    case firm
  }

  /// Lowercase heads a proper name follows, as news writes outlets and venues.
  static let namingHeads = PhraseTable<Naming>(
    [("tờ", .outlet), ("nhật báo", .outlet), ("trang tin", .outlet), ("tạp chí", .outlet), ("báo", .paper),
     ("khách sạn", .venue), ("nhà hàng", .venue), ("nhà nghỉ", .venue), ("nhà xe", .venue), ("công ty", .firm),
     ("hãng", .firm), ("tập đoàn", .firm)])
  static let hTong = ScanText.wordHashes("tổng")[0]
  /// Legal forms written as one word: `công ty TNHHMTV` names no firm.
  static let glued = WordSet(["TNHHMTV", "CPTM", "TNHHTM"])
  /// Words before `báo` that make it part of a verb or another noun: `thông báo`, `cảnh báo`,
  /// `trình báo`, `dự báo`.
  static let notBeforeBao = WordSet(
    ["thông", "cảnh", "dự", "khai", "tố", "tin", "điện", "hồi", "tình", "loan", "mật", "trình", "nhật", "tuần",
     "họa", "hoạ", "tập", "bích", "học", "cấp", "nhà", "phóng", "viết", "làm", "họp", "tiểu", "công", "đọc"])
  static let hBaoLower = ScanText.wordHashes("báo")[0]
  /// Small words that end an outlet's or a venue's name: what it says or does, or the date.
  static let endsOutlet = WordSet(
    ["rằng", "đưa", "dẫn", "viết", "đăng", "nêu", "nhận", "tiết", "bình", "trích", "ngày", "số", "hôm", "phỏng",
     "cho", "ra", "thì", "nằm", "ở", "gần", "trên", "đường", "phố", "đi", "lên", "xuống", "sang", "qua", "vào"])

  /// `matchNaming(_:at:)` reads an outlet or a venue after a lowercase head at word `i`: one to
  /// five words written as names or in capitals, joined by spaces, `&` or hyphens, glued to no next
  /// sentence, and no person's title, cue or other body; an outlet's name is no listed place alone
  /// (`báo Hà Nội` may be the city's press).
  static func matchNaming(_ line: TextLine, at i: Int) -> (count: Int, entry: Organizations.Entry)? {
    let w = line.words
    guard let (h, naming) = namingHeads.match(line, at: i), !w[i].isCapitalized else { return nil }
    if w[i].hash == hBaoLower, i > 0, line.gapIsSpace(after: i - 1), notBeforeBao.contains(w[i - 1].hash) { return nil }
    let k = i + h
    // `tổng công ty ...` is another head; `công ty Nga Digital Sky`: a place first says where the
    // firm is from, and the name after it is left.
    if naming == .firm {
      // `Công ty cổ phần tập đoàn Mai Linh`: inside a longer name after its legal form.
      if i > 0, line.gapIsSpace(after: i - 1), w[i - 1].hash == hTong || legalForms.contains(w[i - 1].hash) { return nil }
      if k < w.count, Gazetteer.match(line, at: k) != nil { return nil }
    }
    guard k < w.count, line.gapIsSpace(after: k - 1), line.gap(after: k - 1).count == 1, !w[k].isNumber,
      Names.isTitleCase(line, k) || Names.isAllCaps(line, k), !Names.isGlued(line, k),
      Names.cues.match(line, at: k) == nil, People.positionHeads.match(line, at: k) == nil,
      orgHeads.match(line, at: k) == nil, Organizations.match(line, at: k) == nil,
      // `báo Washington Post`: a listed body is read as such.
      namedTable.match(line, at: k) == nil
    else { return nil }
    var end = k
    while end + 1 < w.count, end - k < 5 {
      let gap = line.gap(after: end)
      let next = end + 1
      let joined =
        gap.elementsEqual([0x20]) || gap.elementsEqual([0x26]) || gap.elementsEqual([0x20, 0x26, 0x20])
        || gap.elementsEqual([0x2D])
      guard joined, !w[next].isNumber else { break }
      if w[next].isCapitalized {
        if Names.isGlued(line, next) { return nil }
        // `khách sạn Caravelle Ảnh: ...`: a word before a colon opens a credit or a label.
        if line.gap(after: next).first == 0x3A { break }
        end = next
        continue
      }
      // `báo Kinh tế & Đô thị`, `báo Thanh niên.`: a capitalised word's own small syllable, when
      // the name plainly goes on or stops after it; a word that ends a name (`tờ People rằng`)
      // ends it; any other small word may begin a verb or go on the name: unknown.
      guard gap.elementsEqual([0x20]), Names.isTitleCase(line, end), !w[end].isNumber,
        !stops.contains(w[next].hash), !endsOutlet.contains(w[next].hash)
      else { break }
      let after = next + 1
      let gapAfter = after < w.count ? line.gap(after: next) : []
      let goesOn =
        gapAfter.elementsEqual([0x20]) || gapAfter.elementsEqual([0x26]) || gapAfter.elementsEqual([0x20, 0x26, 0x20])
      // Punctuation or the end after it: the name ends with it.
      if after >= w.count || !goesOn {
        end = next
        break
      }
      // A capitalised word after it: the name goes on.
      if w[after].isCapitalized, !w[after].isNumber {
        end = next
        continue
      }
      return nil
    }
    if naming != .venue, Gazetteer.match(line, at: k) == end - k + 1 { return nil }
    // `các công ty OTT`: firms of a kind; `công ty TNHH`: a legal form alone names no firm.
    if naming == .firm {
      if i > 0, line.gapIsSpace(after: i - 1), pluralWords.contains(w[i - 1].hash) { return nil }
      if (k...end).allSatisfy({ legalForms.contains(w[$0].hash) }) || glued.contains(w[k].hash) { return nil }
      // `công ty A. T. Kearney`: an initial; `công ty Xổ số kiến thiết`: a small word after one
      // capitalised word that the words after it go on from: unknown where the name ends.
      if end == k, w[k].end - w[k].start == 1 { return nil }
      if end == k, end + 2 < w.count, line.gap(after: end).elementsEqual([0x20]), !w[end + 1].isCapitalized,
        line.gap(after: end + 1).elementsEqual([0x20]), !w[end + 2].isCapitalized, !w[end + 2].isNumber,
        !stops.contains(w[end + 1].hash), !stops.contains(w[end + 2].hash),
        !OrganizationRules.verbPairs.contains(w[end + 1].hash, w[end + 2].hash)
      {
        return nil
      }
      // Six words read and the name goes on: unknown where it ends.
      if end - k >= 5, end + 1 < w.count, line.gap(after: end).elementsEqual([0x20]) { return nil }
    }
    // `The Wall Street Journal`: a listed body inside the run is read as such; `Harper's Bazaar`:
    // a possessive goes on past what is read, unknown where.
    for j in k...end where namedTable.match(line, at: j) != nil { return nil }
    if end + 1 < w.count, line.gap(after: end).elementsEqual([0x27]) || line.gap(after: end).elementsEqual([0xE2, 0x80, 0x99]) {
      return nil
    }
    let from = naming == .outlet ? k : i
    let written = ScanText.string(line.bytes, w[from].start, w[end].end)
    return (end - i + 1, Organizations.Entry(name: written, abbreviation: nil))
  }
  /// Levels a number may follow as the place: `quận 12`, `phường 5`.
  static let numberedLevels = WordSet(["quận", "phường"])

  /// Lowercase heads that a title joins to itself: `Trưởng phòng Tổng hợp`, `Giám đốc sở Y tế`,
  /// `Phó trưởng ban Tuyên giáo`; the words before them that make the title.
  static let titledHeads = WordSet(["phòng", "ban", "sở"])
  static let unitTitles = WordSet(["trưởng", "phó", "đốc"])

  /// `matchAfterTitle(_:at:)` reads the body a title names at word `i` (`phòng` in `Trưởng phòng
  /// Nông nghiệp huyện Chợ Lách`): a lowercase head, a capitalised name that is no place or
  /// person, and the place the body serves, which sets it apart from a department of any body
  /// (`Trưởng phòng Đào tạo`).
  static func matchAfterTitle(_ line: TextLine, at i: Int) -> (count: Int, entry: Organizations.Entry)? {
    let w = line.words
    guard i > 0, i + 1 < w.count, unitTitles.contains(w[i - 1].hash), titledHeads.contains(w[i].hash),
      line.gapIsSpace(after: i - 1),
      line.gapIsSpace(after: i), w[i + 1].isCapitalized, !w[i + 1].isNumber, Gazetteer.match(line, at: i + 1) == nil,
      !(People.surnames.contains(w[i + 1].hash) && i + 2 < w.count && line.gapIsSpace(after: i + 1)
        && Names.isTitleCase(line, i + 2)),
      let found = match(line, at: i, lowerHead: true)
    else { return nil }
    var k = i + 2
    while k < i + found.count {
      if placeLevels.contains(w[k].hash) || Gazetteer.match(line, at: k) != nil { return found }
      k += 1
    }
    return nil
  }

  /// Lowercase words a street's, a lane's or a river's name follows.
  static let streetWords = WordSet(["đường", "sông", "ngõ", "hẻm", "kênh"])
  static let hDang = ScanText.wordHashes("đảng")[0]
  /// Lowercase words before `Đảng` that make it part of another noun or a title: `tổ chức Đảng`,
  /// `Đại hội Đảng`, `Ban cán sự Đảng`, `về mặt Đảng`, `toàn Đảng`.
  static let partyNotAfter = WordSet(["chức", "hội", "sự", "mặt", "toàn", "viên", "bộ", "ủy", "uỷ", "kỳ"])

  /// `matchParty(_:at:)` reads a party at word `i`: `Đảng` standing alone, the country's ruling
  /// party (`chính sách của Đảng, pháp luật ...`, `Đảng và Nhà nước`), not inside a longer name or
  /// title (`Trung ương Đảng`, `Đại hội Đảng lần thứ XI`); or a party written with a lowercase
  /// `đảng` and its name (`đảng Cộng hòa`, `đảng Dân chủ Mỹ`): a capitalised word and at most one
  /// small syllable of it, then plainly the name's end, and a listed place.
  static func matchParty(_ line: TextLine, at i: Int) -> (count: Int, entry: Organizations.Entry)? {
    let w = line.words
    guard w[i].hash == hDang else { return nil }
    if w[i].isCapitalized {
      if i > 0 {
        let gap = line.gap(after: i - 1)
        if gap.contains(0x2D) || gap.contains(0x2F) || gap.contains(0x27) || gap.contains(0x22) { return nil }
        if w[i - 1].isCapitalized, gap.elementsEqual([0x20]) { return nil }
        if !w[i - 1].isCapitalized, partyNotAfter.contains(w[i - 1].hash) { return nil }
      }
      if i + 1 < w.count {
        let gap = line.gap(after: i)
        if gap.elementsEqual([0x20]) {
          guard !w[i + 1].isCapitalized, stops.contains(w[i + 1].hash) else { return nil }
        } else if let c = gap.first, !(c == 0x2C || c == 0x2E || c == 0x3B || c == 0x3A || c == 0x29) {
          return nil
        }
      }
      return (1, Organizations.Entry(name: line.word(i), abbreviation: nil))
    }
    let k = i + 1
    guard k < w.count, line.gap(after: i).elementsEqual([0x20]), Names.isTitleCase(line, k), !w[k].isNumber,
      !Names.isGlued(line, k), orgHeads.match(line, at: k) == nil, Organizations.match(line, at: k) == nil,
      Gazetteer.match(line, at: k) == nil, !People.surnames.contains(w[k].hash)
    else { return nil }
    // Whether a name plainly ends after word `j`: the line's end, punctuation, a capitalised word
    // (a place or a person) or a function word.
    func ends(_ j: Int) -> Bool {
      j + 1 >= w.count || !line.gap(after: j).elementsEqual([0x20]) || w[j + 1].isCapitalized
        || stops.contains(w[j + 1].hash)
    }
    var end = k
    if !ends(k) {
      guard !w[k + 1].isNumber, ends(k + 1) else { return nil }
      end = k + 1
    }
    if end + 1 < w.count, line.gap(after: end).elementsEqual([0x20]), let n = Gazetteer.match(line, at: end + 1) {
      end += n
    }
    return (end - i + 1, Organizations.Entry(name: ScanText.string(line.bytes, w[i].start, w[end].end), abbreviation: nil))
  }

  /// `matchLower(_:at:)` reads a body written with a lowercase head at word `i`.
  static func matchLower(_ line: TextLine, at i: Int) -> (count: Int, entry: Organizations.Entry)? {
    let w = line.words
    guard let (h, needsLevel) = lowerHeads.match(line, at: i) else { return nil }
    let k = i + h
    guard k < w.count, line.gapIsSpace(after: k - 1) else { return nil }
    var end: Int
    if !needsLevel, w[k].isCapitalized {
      guard let n = Gazetteer.match(line, at: k) else { return nil }
      end = k + n - 1
    } else {
      guard placeLevels.contains(w[k].hash), let (n, _) = levels.match(line, at: k) else { return nil }
      let p = k + n
      guard p < w.count, line.gapIsSpace(after: p - 1) else { return nil }
      if w[p].isNumber, n == 1, numberedLevels.contains(w[k].hash) {
        end = p
      } else if w[p].isCapitalized, !w[p].isNumber {
        end = p + (Gazetteer.match(line, at: p) ?? placeLength(line, at: p)) - 1
      } else {
        return nil
      }
    }
    let written = ScanText.string(line.bytes, w[i].start, w[end].end)
    return (end - i + 1, Organizations.Entry(name: written, abbreviation: nil))
  }
}

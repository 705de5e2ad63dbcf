import TinqText
import TinqFacts
import TinqSupport

/// `Names` holds what tells a person's name from the other capitalised words of a news text: the
/// words that announce a person (`ông`, `nghi phạm`, `HLV`, `Tổng thống`), the words that announce
/// a place or an institution named after a person (`đường`, `Trường`, `Công ty`), and the shape of
/// a name itself. `People` uses it beside ranks and positions.
enum Names {
  /// How a cue announces a name.
  enum CueKind: Sendable {
    /// A kinship or courtesy word (`ông`, `chị`): a given name alone may follow (`anh Tùng`).
    case kin
    /// A role or occupation (`nghi phạm`, `cầu thủ`): a full name follows, Vietnamese or foreign.
    case role
    /// A head of state or similar title: a country may stand between it and a foreign name
    /// (`Tổng thống Mỹ Barack Obama`).
    case title
  }

  static let kinWords = [
    "ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cháu", "bé", "cụ", "cậu", "mợ", "dì", "thím", "bạn",
    "tên", "thầy", "nữ sinh", "nam sinh", "sinh viên", "học sinh", "cháu bé", "bé gái", "bé trai", "vợ là",
    "chồng là", "con trai là", "con gái là", "Mr", "Ms", "Mrs", "cậu bé", "cô bé", "cậu nhóc", "cô nhóc",
  ]
  static let roleWords = [
    "nghi phạm", "nghi can", "đối tượng", "bị can", "bị cáo", "bị hại", "nạn nhân", "phạm nhân", "tử tù",
    "hung thủ", "kẻ", "tài xế", "lái xe", "phụ xe", "ca sĩ", "nữ ca sĩ", "nam ca sĩ", "nhạc sĩ", "diễn viên",
    "nữ diễn viên", "nam diễn viên", "người mẫu", "MC", "cầu thủ", "HLV", "huấn luyện viên", "tiền đạo",
    "tiền vệ", "hậu vệ", "thủ môn", "trung vệ", "võ sĩ", "vận động viên", "VĐV", "tay vợt", "danh thủ",
    "tuyển thủ", "kỳ thủ", "nhà văn", "nhà thơ", "nhà báo", "đạo diễn", "nhà sản xuất", "luật sư", "LS",
    "bác sĩ", "BS", "kỹ sư", "KS", "giáo sư", "GS", "PGS", "TS", "ThS", "tiến sĩ", "thạc sĩ", "nghệ sĩ", "NSND",
    "NSƯT", "Hoa hậu", "Á hậu", "tỷ phú", "tỉ phú", "doanh nhân", "giám mục", "linh mục", "hòa thượng",
    "thượng tọa", "đại đức", "nhà sư", "sư thầy", "nhà nghiên cứu", "chuyên gia", "họa sĩ",
    "nhà thiết kế", "nhiếp ảnh gia", "blogger", "ông trùm", "trùm", "giang hồ", "siêu mẫu", "nữ hoàng",
    "thí sinh", "chị gái", "em gái", "anh trai", "em trai", "đồng chí", "cố", "liệt sĩ", "Bác sĩ", "Thẩm phán", "thẩm phán", "Kiểm sát viên", "kiểm sát viên",
    "Điều tra viên", "điều tra viên", "Trung úy", "hiệp sĩ", "anh hùng", "Anh hùng", "người phát ngôn",
    "phát ngôn viên", "Người phát ngôn", "Sir", "Ngài", "ngài", "Dr", "Lord", "Lady", "Mr.", "Ms.", "Mrs.",
    "ngư dân", "cư dân mạng", "hàng xóm",
  ]
  static let titleWords = [
    "Tổng thống", "Phó Tổng thống", "Thủ tướng", "Phó Thủ tướng", "Ngoại trưởng", "Quốc vương", "Nữ hoàng",
    "Hoàng tử", "Công chúa", "Công nương", "Giáo hoàng", "Đại sứ", "Tổng thư ký", "Tổng Thư ký",
    "Thượng nghị sĩ", "Hạ nghị sĩ", "Nghị sĩ", "nghị sĩ", "Chủ tịch", "Tổng Bí thư", "Nhà lãnh đạo",
    "nhà lãnh đạo", "Bộ trưởng Quốc phòng", "Bộ trưởng Ngoại giao", "Bộ trưởng Tài chính", "Thị trưởng",
    "Thống đốc", "Tổng giám đốc", "Giám đốc điều hành", "CEO", "Chủ tịch nước", "Phó Chủ tịch nước",
    "Tổng tư lệnh", "Người sáng lập", "nhà sáng lập", "Đức Giáo hoàng", "Đức Đạt Lai Lạt Ma", "Thái tử",
    "Vua", "Nhà vua", "nhà vua",
  ]

  static let cues: PhraseTable<CueKind> = PhraseTable(
    kinWords.map { ($0, CueKind.kin) } + roleWords.map { ($0, CueKind.role) }
      + titleWords.map { ($0, CueKind.title) })

  /// Words right before a capitalised run that make it a place, a street, an institution or a
  /// work named after a person, not the person: `đường Nguyễn Tất Thành`, `Trường Lê Quý Đôn`.
  static let notBefore = WordSet(
    [
      "tỉnh", "thành", "phố", "tp", "huyện", "quận", "xã", "phường", "thị", "trấn", "ấp", "thôn", "làng", "bản",
      "đường", "ngõ", "hẻm", "ngách", "kiệt", "sông", "cầu", "chợ", "trường", "thpt", "thcs", "học", "viện",
      "giải", "cúp", "tàu", "hát", "viên", "quảng", "bay", "động", "svđ", "khu", "tưởng", "lăng", "đền",
      "chùa", "tượng", "bến", "cảng", "đảo", "núi", "đèo", "hồ", "biển", "vịnh", "ty", "đoàn", "ctcp", "tnhh",
      "hãng", "quỹ", "hội", "ban", "đội", "bộ", "clb", "thưởng", "chương", "bổng", "lộ", "xóm", "khối", "khóm",
      "tuyến", "tư", "ba", "án", "sạn", "hàng", "quán", "thị", "tâm", "trại", "thờ", "đường", "tích", "đình",
      "miếu", "phim", "cuốn", "sách", "phẩm", "khúc", "trình", "hiệu", "tên", "danh", "mang", "nhà", "kênh",
      "báo", "tạp", "chí", "đài", "nhóm", "ban", "cụm", "vườn", "rạch", "ngòi", "suối", "đập", "trạm", "lô",
      "tòa", "toà", "nhà", "ngân", "tập", "thuyết", "chủ", "nghĩa", "triều", "đại", "thời", "kỷ", "niệm",
      "tộc", "họ", "dòng", "giống", "loại", "tỉnh", "vùng", "miền", "bãi", "gò", "ngọn", "dãy", "đồi", "hang",
      "động", "thác", "đầm", "phá", "cửa", "mũi", "bán", "lực", "cơ", "sở", "công", "lập", "xuyên", "đấu", "bang",
      // A role or a series is a character or a work: `đóng vai Harry Potter`, `series Sherlock Holmes`.
      "vai", "series",
    ])

  /// `introduces(_:_:)` tells whether word `k` is a common noun that makes the capitalised words
  /// after it a place, a street or an institution (`đường`, `Trường`, `THPT`): written small, in
  /// capitals, or opening a run of capitalised words — `Đình` in `Ba Đình` is a name's part.
  static func introduces(_ line: TextLine, _ k: Int) -> Bool {
    let w = line.words
    guard notBefore.contains(w[k].hash) else { return false }
    // `TƯ` is `Trung ương`, not the ordinal `Tư`.
    if w[k].hash == hTu, isAllCaps(line, k) { return false }
    if k > 0, line.gapIsSpace(after: k - 1) {
      // `Hiệu trưởng nhà trường Lê Thị A`: the school one works at, named before; a person follows.
      if w[k].hash == hTruong, w[k - 1].hash == hNha { return false }
      // `Quốc hội Phan Văn A`: the word ends a listed body, after which a person's name may stand.
      if w[k - 1].isCapitalized, let (c, _) = Organizations.match(line, at: k - 1), c == 2 { return false }
    }
    if !w[k].isCapitalized || isAllCaps(line, k) || k == 0 { return true }
    return !w[k - 1].isCapitalized || !line.gapIsSpace(after: k - 1) || Dates.isSentenceStart(line, k)
  }

  /// Lowercase particles inside foreign names: `Bashar al-Assad`, `Leila de Lima`.
  static let particles = WordSet(
    ["al", "el", "bin", "ibn", "de", "da", "do", "dos", "das", "del", "della", "di", "van", "von", "der", "den",
     "la", "le", "du", "des", "ter", "ten", "y"])

  /// Words that start an institution, not a person, when a run after a cue begins with them.
  static let institutionHeads = WordSet(
    [
      "bộ", "sở", "ủy", "uỷ", "ubnd", "ban", "cục", "tổng", "viện", "hội", "đảng", "phòng", "trung",
      "liên", "nhà", "quỹ", "công", "tập", "ngân", "bệnh", "trường", "đại", "học", "tòa", "toà", "quân", "đoàn",
      "hiệp", "chính", "quốc", "thành", "tỉnh", "huyện", "xã", "phường", "hạ", "thượng", "nghị", "hãng", "cơ",
      "tiểu", "sư", "lữ", "đội", "câu", "clb", "công an", "cảnh", "hải", "không", "lục", "bảo", "tòa",
      "the", "new", "world", "royal", "united", "real", "fc", "club", "university", "hospital", "bank", "báo",
      "đài", "tạp",
      // A make of car or motorbike after `lái xe`, `tài xế`: `lái xe Toyota Fortuner` drives one.
      "toyota", "honda", "mercedes", "bmw", "hyundai", "kia", "mazda", "lexus", "audi", "porsche", "yamaha",
      "suzuki", "chevrolet", "nissan", "mitsubishi", "isuzu", "peugeot", "volkswagen", "volvo", "ferrari",
      "lamborghini", "bentley", "vinfast",
    ])

  /// Proper names that are never a person though a cue or a family name may stand before them:
  /// landmarks that stand for a government (`người phát ngôn Lầu Năm Góc`), a country's other
  /// spellings (`Đại sứ Arập Xêút`), leagues (`La Liga`), clubs (`HLV Man Utd`), a genre, a car.
  /// After a title they are skipped like a country (`HLV Man Utd David Moyes`); alone, no rule
  /// names them a person.
  static let notPeopleList = [
    "Lầu Năm Góc", "Điện Kremlin", "Kremlin", "Nhà Trắng", "Phố Wall", "Nhà Xanh", "Điện Elysee", "Phủ Tổng thống",
    "Arập Xêút", "A-rập Xê-út", "Ả-rập Xê Út", "Ả Rập Xê-út", "Ả Rập Saudi", "Arập Saudi", "Saudi Arabia",
    "La Liga", "Serie A", "Premier League", "Bundesliga", "Ligue 1", "Champions League", "Europa League",
    "V-League", "Man Utd", "Man United", "Man City", "Real Madrid", "Atletico Madrid", "Valencia", "Rock",
    // Rome (`Giáo hoàng La Mã`), the Temple of Literature (`Tiến sĩ Văn Miếu`), the Golden Horse
    // awards and a Hanoi street (`Đại sứ Kim Mã`), and the bar association cut before its small
    // word (`Đoàn Luật sư`).
    "La Mã", "Văn Miếu", "Kim Mã", "Đoàn Luật",
  ]
  static let notPeople = PhraseTable<Bool>(notPeopleList.map { ($0, true) })
  static let notPeopleNames = Set(notPeopleList.map { UTF8Key($0) })

  /// Words that end a Vietnamese name run: an institution starts there (`Đoàn Bộ Quốc phòng`).
  static let endsName = WordSet(
    ["bộ", "sở", "ủy", "uỷ", "ubnd", "ban", "cục", "tổng", "viện", "hội", "đảng", "phòng", "nhà", "quỹ", "tập",
     "ngân", "bệnh", "trường", "tòa", "toà", "báo", "đài", "huyện", "tỉnh", "quận", "xã", "phường", "sông",
     "đường", "phố", "chợ", "cầu",
     // `Theo` (according to) opens the source line after a byline: `Nguyễn Thủy Theo Dân trí`.
     "theo"])
  static let hTruong = ScanText.wordHashes("trường")[0]
  static let hTu = ScanText.wordHashes("tư")[0]
  static let hNha = ScanText.wordHashes("nhà")[0]
  /// Words after `Trường` that make it a school: `Trường Tiểu học`, `Trường THPT`, `trường học`.
  static let schoolWords = WordSet(
    ["tiểu", "trung", "đại", "cao", "mầm", "phổ", "chuyên", "học", "dạy", "nghề", "quốc", "dân", "năng", "bồi",
     "cán", "chính", "sĩ", "kỹ", "bắn", "quay", "đua", "thi", "mẫu", "hạ", "quân", "công", "văn", "nghiệp", "y"])

  /// `isGivenTruong(_:_:)` tells whether word `k`, `Trường`, is a part of a name (`Nguyễn Trường
  /// Giang`, `Mạnh Trường`) rather than a school starting there: written as a name, and no
  /// school word nor abbreviation after it.
  static func isGivenTruong(_ line: TextLine, _ k: Int) -> Bool {
    let w = line.words
    guard w[k].hash == hTruong, isTitleCase(line, k) else { return false }
    guard k + 1 < w.count, line.gapIsSpace(after: k) else { return true }
    return !schoolWords.contains(w[k + 1].hash) && !isAllCaps(line, k + 1)
  }

  /// Two words that start an institution, though the first is also a given name (`Công an`,
  /// `Thành ủy`): a name run ends before them.
  static let institutionPairs = PhraseSet(
    ["công an", "công ty", "công đoàn", "thành phố", "thành ủy", "thành uỷ", "trung tâm", "trung ương", "văn phòng",
     "quân khu", "quân đội", "hải quan", "đại học", "học viện", "cảnh sát", "bộ đội", "tổng cục", "tổng công",
     "viện kiểm", "tòa án", "ngân hàng", "tập đoàn", "chính phủ", "quốc hội", "hội đồng", "đoàn thanh"])

  /// Given names common in English, Spanish, French, German, Italian, Portuguese, Russian and Arabic
  /// news: such a name and one or two capitalised words after it are a person (`Alex Ferguson`,
  /// `Radamel Falcao`) even with no word to announce one.
  static let foreignGivenNames = WordSet(
    [
      "Aaron", "Abdul", "Abdullah", "Abraham", "Adam", "Adrian", "Ahmad", "Ahmed", "Alan", "Albert", "Alberto",
      "Alejandro", "Alex", "Alexander", "Alexandre", "Alexei", "Alexis", "Alfred", "Ali", "Alice", "Amanda", "Amy",
      "Ana", "Anders", "Andre", "Andrea", "Andreas", "Andrei", "Andrew", "Andy", "Angela", "Angelina", "Ann",
      "Anna", "Anne", "Anthony", "Antoine", "Antonio", "Arnold", "Arsene", "Arthur", "Ashley", "Ashton", "Barack",
      "Barbara", "Ben", "Benjamin", "Bernard", "Bill", "Bob", "Boris", "Brad", "Brandon", "Brian", "Britney",
      "Bruce", "Bruno", "Carl", "Carlo", "Carlos", "Caroline", "Catherine", "Charles", "Charlie", "Chris",
      "Christian", "Christina", "Christine", "Christopher", "Claude", "Claudia", "Colin", "Cristiano", "Cristina",
      "Dan", "Daniel", "Daniela", "Dave", "David", "Demi", "Denis", "Dennis", "Diana", "Diego", "Dmitry", "Dominic",
      "Donald", "Douglas", "Ed", "Eddie", "Edward", "Elizabeth", "Emily", "Emma", "Emmanuel", "Enrique", "Eric",
      "Erik", "Ernesto", "Eva", "Fabio", "Fernando", "Francesco", "Francis", "Francisco", "Frank", "Franz",
      "Frederic", "Gareth", "Gary", "George", "Georges", "Gerard", "Gerhard", "Giovanni", "Giuseppe", "Gordon",
      "Greg", "Gregory", "Gustavo", "Hamid", "Hans", "Harry", "Hassan", "Heinz", "Helen", "Helmut", "Henri",
      "Henry", "Hillary", "Hugo", "Hussein", "Ian", "Igor", "Isabel", "Ivan", "Jack", "Jacques", "Jake", "James",
      "Jamie", "Jan", "Jane", "Janet", "Jason", "Javier", "Jean", "Jeff", "Jennifer", "Jeremy", "Jerome", "Jessica",
      "Jim", "Jimmy", "Joachim", "Joan", "Joe", "Johan", "John", "Johnny", "Jon", "Jonathan", "Jorge", "Jose",
      "Josef", "Joseph", "Joshua", "Juan", "Julia", "Julian", "Julie", "Julien", "Justin", "Kanye", "Karen", "Karl",
      "Kate", "Katie", "Keith", "Kelly", "Ken", "Kevin", "Khaled", "Kristen", "Kurt", "Lady", "Larry",
      "Laura", "Lauren", "Leo", "Leonardo", "Lewis", "Lily", "Lionel", "Lisa", "Louis", "Luca", "Lucas", "Luis",
      "Luiz", "Luke", "Manuel", "Marc", "Marco", "Margaret", "Maria", "Mariah", "Mario", "Mark", "Marta", "Martin",
      "Mary", "Matt", "Matteo", "Matthew", "Mauricio", "Maurizio", "Max", "Megan", "Mel", "Melinda", "Mesut",
      "Michael", "Michel", "Michelle", "Miguel", "Mike", "Mikhail", "Miley", "Miranda", "Mohamed", "Mohammad",
      "Mohammed", "Muhammad", "Nancy", "Naomi", "Natalie", "Nathan", "Neil", "Nicholas", "Nick", "Nicki", "Nicola",
      "Nicolas", "Nikolai", "Nina", "Oliver", "Olivia", "Omar", "Oscar", "Pablo", "Paolo", "Patrick", "Paul",
      "Paula", "Pedro", "Pep", "Pete", "Peter", "Philip", "Philippe", "Pierre", "Rafael", "Rahul", "Ralph", "Ramon",
      "Raul", "Ray", "Rebecca", "Ricardo", "Richard", "Rick", "Rio", "Rob", "Robert", "Roberto", "Robin", "Roger",
      "Roman", "Ron", "Ronald", "Rose", "Roy", "Ruby", "Rupert", "Russell", "Ryan", "Salman", "Sam", "Samuel",
      "Sandra", "Sarah", "Scott", "Sean", "Sebastian", "Selena", "Serena", "Sergei", "Sergey", "Sergio", "Simon",
      "Sophie", "Stefan", "Stephen", "Steve", "Steven", "Susan", "Taylor", "Thomas", "Tim", "Timothy", "Tom",
      "Tommy", "Tony", "Valentyn", "Vanessa", "Victor", "Victoria", "Vincent", "Viktor", "Vladimir", "Walter",
      "Wayne", "Werner", "William", "Xavier", "Yuri", "Zlatan", "Wolfgang", "Recep", "Ahmet", "Hamad", "Salah",
      "Radamel", "Branislav", "Marouane", "Luka", "Zinedine", "Didier", "Thierry", "Frank", "Olivier", "Jurgen",
      "Jürgen", "Manchester", "Fernandinho", "Angel", "Shinzo", "Yoshihiko", "Junichiro", "Naoto", "Taro",
      "Yingluck", "Thaksin", "Abhisit", "Prayuth", "Aung", "Joko", "Susilo", "Benigno", "Rodrigo",
      "Najib", "Mahathir", "Narendra", "Manmohan", "Nawaz", "Hamid", "Bashar", "Hosni", "Mohamed", "Nouri",
      "Benjamin", "Shimon", "Mahmoud", "Yasser", "Kofi", "Jens", "Nicolas", "Francois", "François",
      "Silvio", "Mariano", "Matteo", "Enda", "Theresa", "Tony", "Gordon", "Ashraf", "Shinji",
      "Leon", "Tomas", "Andres", "Julio", "Moshe", "Hossein", "Marisa", "Xavi", "Iker", "Liam", "Chuck",
      "Mitt", "Hugh", "Natalia", "Olga", "Tatiana", "Yulia", "Svetlana", "Dmitri",
      "Alexey", "Leonid", "Arseniy", "Yury", "Abdel", "Wesley", "Fabrice", "Gianluigi", "Wojciech",
    ].filter { $0 != "Manchester" })

  /// Single words after a kinship word that are no given name: `ông Tây`, `ông Trời`.
  static let notGivenNames = WordSet(
    ["tây", "trời", "táo", "địa", "công", "bụt", "già", "thiên", "chúa", "phật", "giời", "việt", "nam", "bắc",
     "chủ", "tổ", "tiên", "hoàng", "vua", "trùm", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười",
     "út", "cả", "lớn", "nhỏ", "già", "trẻ"])

  /// `isTitleCase(_:_:)` tells whether word `k` is written as a name: a capital, then small letters.
  static func isTitleCase(_ line: TextLine, _ k: Int) -> Bool {
    let word = line.words[k]
    guard word.isCapitalized, !word.isNumber else { return false }
    var p = word.start
    var first = true
    while p < word.end {
      let (v, width) = ScanText.decode(line.bytes, at: p)
      if !first, ScanText.isUppercaseScalar(v) { return false }
      first = false
      p += width
    }
    return true
  }

  /// `isAllCaps(_:_:)` tells whether word `k` has two or more letters, all capitals (`XL`, `DUY`).
  static func isAllCaps(_ line: TextLine, _ k: Int) -> Bool {
    let word = line.words[k]
    guard word.isCapitalized, word.end - word.start >= 2 else { return false }
    var p = word.start
    while p < word.end {
      let (v, width) = ScanText.decode(line.bytes, at: p)
      if !ScanText.isUppercaseScalar(v) { return false }
      p += width
    }
    return true
  }

  /// `run(_:from:limit:maxWords:)` reads a run of title-case words joined by single spaces or
  /// hyphens (`Jean-Claude`, `al-Assad`), at most `maxWords` long; returns its last word.
  static func run(_ line: TextLine, from i: Int, limit: Int, maxWords: Int, hyphens: Bool = true) -> Int? {
    let w = line.words
    guard i < limit, isTitleCase(line, i) || isInitial(line, i) else { return nil }
    let hThi = Self.hThi
    var end = i
    var words = 1
    while end + 1 < limit {
      let gap = line.gap(after: end)
      // `O’Neill`, `Ya’alon`: an apostrophe inside a foreign name's word, a capital after one
      // letter, small letters after more; a closing quote glued to the next sentence, the
      // possessive `'s` of a brand (`Domino's Pizza`) or a country's `D'ivoire` is none.
      let apostrophe =
        hyphens && (gap.elementsEqual([0x27]) || gap.elementsEqual([0xE2, 0x80, 0x99]))
        && w[end + 1].end - w[end + 1].start >= 2 && !w[end + 1].isNumber
        && isInitial(line, end) == w[end + 1].isCapitalized
      // `Kim Jong-un`: a small part after a hyphen ends a Korean given name.
      let korean =
        !hyphens && end > i && gap.elementsEqual([0x2D]) && !w[end + 1].isCapitalized && !w[end + 1].isNumber
        && w[end + 1].end - w[end + 1].start >= 2 && line.bytes[w[end + 1].start] >= 0x61
        && line.bytes[w[end + 1].start] <= 0x7A
      let hyphen = hyphens && gap.elementsEqual([0x2D]) || apostrophe || korean
      // `John J. Alban`: an initial and its period inside a name.
      let initial = isInitial(line, end) && gap.elementsEqual([0x2E, 0x20])
      guard gap.elementsEqual([0x20]) || hyphen || initial else { break }
      let next = end + 1
      // `Nguyễn Thị Tỉnh`: after the middle name `Thị` a given name follows, whatever word it is.
      let afterThi = !hyphens && w[end].hash == hThi && isTitleCase(line, next)
      if w[next].isNumber
        || (!hyphens && !afterThi && endsName.contains(w[next].hash) && !isGivenTruong(line, next)
          && !isGivenLevel(line, next, limit: limit))
      {
        break
      }
      if next + 1 < w.count, institutionPairs.contains(w[next].hash, w[next + 1].hash) { break }
      if !hyphen {
        guard words < maxWords else { break }
      }
      // `al-Assad`, `de Lima`: a particle inside a foreign name, when a capitalised part follows.
      if hyphens, !hyphen, particles.contains(w[next].hash), !w[next].isCapitalized, next + 1 < limit,
        line.gap(after: next).elementsEqual([0x20]) || line.gap(after: next).elementsEqual([0x2D]),
        w[next + 1].isCapitalized, !w[next + 1].isNumber, words < maxWords
      {
        words += 1
        end = next + 1
        continue
      }
      // `Ba-sa`, `Jean-Claude`: a hyphen joins the parts of a transliterated or foreign name.
      if hyphen || isTitleCase(line, next) || (hyphens && isMcName(line, next)) || (isInitial(line, next) && !initial) {
        if !hyphen { words += 1 }
        end = next
        continue
      }
      break
    }
    // A name followed by a word glued to the next sentence (`Nguyễn Như VũHọc ...`) may go on
    // into it: unknown where it ends.
    if end + 1 < w.count, line.gap(after: end).elementsEqual([0x20]), isGlued(line, end + 1) { return nil }
    // `Nguyễn Thị` is no whole name: a given name is missing, unknown which.
    if !hyphens, end > i, w[end].hash == hThi { return nil }
    return end
  }

  /// `isGivenLevel(_:_:limit:)` tells whether word `k`, one that usually ends a name because a
  /// place or a body starts there (`Huyện`, `Đường`, `Bộ`), is a given name instead: written as a
  /// name, with no proper name after it — punctuation or a small word follows (`ông Nguyễn Văn
  /// Huyện, Chánh thanh tra`, `Nguyễn Văn Đường cho biết`), never `ủy` (`Huyện ủy`).
  static func isGivenLevel(_ line: TextLine, _ k: Int, limit: Int) -> Bool {
    let w = line.words
    // `Theo` (according to) is no given name.
    guard isTitleCase(line, k), w[k].hash != hTheo else { return false }
    guard k + 1 < limit, line.gap(after: k).elementsEqual([0x20]) else { return true }
    return !w[k + 1].isCapitalized && !w[k + 1].isNumber && !committeeWords.contains(w[k + 1].hash)
  }
  static let committeeWords = WordSet(["ủy", "uỷ"])
  static let hTheo = ScanText.wordHashes("theo")[0]

  /// `isGlued(_:_:)` tells whether word `k` holds a capital after a small letter (`VũHọc`,
  /// `XLTheo`): two words whose break a scraper lost.
  static func isGlued(_ line: TextLine, _ k: Int) -> Bool {
    let word = line.words[k]
    if isMcName(line, k) { return false }
    var p = word.start
    var sawLower = false
    while p < word.end {
      let (v, width) = ScanText.decode(line.bytes, at: p)
      let upper = ScanText.isUppercaseScalar(v)
      if upper && sawLower { return true }
      if !upper && v > 0x39 { sawLower = true }
      p += width
    }
    return false
  }

  /// `isMcName(_:_:)` tells whether word `k` is a Gaelic surname written with a capital inside
  /// (`McAlister`): `Mc`, a capital, then small Latin letters; no scraper's lost break.
  static func isMcName(_ line: TextLine, _ k: Int) -> Bool {
    let word = line.words[k]
    let b = line.bytes
    guard word.end - word.start >= 5, b[word.start] == 0x4D, b[word.start + 1] == 0x63,
      (0x41...0x5A).contains(b[word.start + 2])
    else { return false }
    return (word.start + 3..<word.end).allSatisfy { (0x61...0x7A).contains(b[$0]) }
  }

  /// `hasVowel(_:_:)` tells whether word `k` could be a Vietnamese syllable or a name: `Th` and
  /// `Tr` are initials.
  static func hasVowel(_ line: TextLine, _ k: Int) -> Bool {
    let text = ScanText.string(line.bytes, line.words[k].start, line.words[k].end)
    return Fold.bare(text).contains { "aeiouyAEIOUY".contains($0) }
  }

  /// `isGluedStart(_:_:)` tells whether word `k` opens a sentence glued to the one before it
  /// (`...học tập.Anh Dũng`), where lost paragraph breaks leave bylines and credits.
  static func isGluedStart(_ line: TextLine, _ k: Int) -> Bool {
    guard k > 0 else { return false }
    // `.`, `/`, and the `./.` that closes a report; after a closing bracket or quote (`...Nha
    // Trang).Nguyễn`), or an ellipsis (`...chạy trốn…Kim`).
    var gap = line.gap(after: k - 1)
    if gap.elementsEqual([0xE2, 0x80, 0xA6]) { return true }
    if let first = gap.first, first == 0x29 || first == 0x22 {
      gap = gap.dropFirst()
    } else if gap.starts(with: [0xE2, 0x80, 0x9D]) {
      gap = gap.dropFirst(3)
    }
    return !gap.isEmpty && gap.count <= 3 && gap.allSatisfy { $0 == 0x2E || $0 == 0x2F }
  }

  /// `endsLine(_:after:)` tells whether word `end` ends the line, or only a short parenthesis
  /// follows it (`Hà Linh (Thực hiện)`, `(Vietnam+)`): where a byline stands.
  static func endsLine(_ line: TextLine, after end: Int) -> Bool {
    let last = line.words.count - 1
    if end == last { return true }
    guard last - end <= 3, line.gap(after: end).elementsEqual([0x20, 0x28]) else { return false }
    return true
  }

  /// `hasOneVowelRun(_:_:)` tells whether word `k` could be one Vietnamese syllable by the
  /// loosest test, which reads marked letters too: its vowels stand together (`Nguyễn`, `Quang`,
  /// `Hoài`), never two groups with a consonant between them (`Liga`, `Madrid`). A Vietnamese
  /// given name is made of such words. (`PersonRules.isSyllableShaped` is the strict test, for
  /// unmarked letters: an initial, a nucleus and a final that Vietnamese spells.)
  static func hasOneVowelRun(_ line: TextLine, _ k: Int) -> Bool {
    let word = line.words[k]
    // 0 before the vowels, 1 among them, 2 after them.
    var state = 0
    var p = word.start
    while p < word.end {
      let (v, width) = ScanText.decode(line.bytes, at: p)
      p += width
      // Combining marks (an NFD text) belong to the letter before them.
      if (0x300...0x36F).contains(v) { continue }
      // Every non-ASCII letter of Vietnamese is a vowel but `đ`.
      let vowel = v < 0x80 ? [0x61, 0x65, 0x69, 0x6F, 0x75, 0x79].contains(v | 0x20) : v != 0x110 && v != 0x111
      switch state {
      case 0: if vowel { state = 1 }
      case 1: if !vowel { state = 2 }
      default: if vowel { return false }
      }
    }
    return true
  }

  /// `isInitial(_:_:)` tells whether word `k` is a single capital letter (`Nguyễn Văn H.`).
  static func isInitial(_ line: TextLine, _ k: Int) -> Bool {
    let word = line.words[k]
    guard word.isCapitalized, !word.isNumber else { return false }
    let (_, width) = ScanText.decode(line.bytes, at: word.start)
    return word.start + width == word.end
  }

  /// `hasAgeAfter(_:_:)` tells whether the words after `end` give an age or a birth year, as crime
  /// and accident reports do: `(31 tuổi, ...)`, `(SN 1990)`, `, sinh năm 1985`, `, 45 tuổi`.
  static func hasAgeAfter(_ line: TextLine, _ end: Int) -> Bool {
    let w = line.words
    guard end + 2 < w.count else { return false }
    let gap = line.gap(after: end)
    guard gap.elementsEqual([0x20, 0x28]) || gap.elementsEqual([0x2C, 0x20]) else { return false }
    let a = end + 1
    if w[a].isNumber, w[a + 1].hash == hTuoi { return true }
    if w[a].hash == hSN, w[a + 1].isNumber { return true }
    if w[a].hash == hSinh, w[a + 1].hash == Dates.hNam { return true }
    return false
  }
  static let hTuoi = ScanText.wordHashes("tuổi")[0]
  static let hThi = ScanText.wordHashes("Thị")[0]
  static let hSN = ScanText.wordHashes("SN")[0]
  static let hSinh = ScanText.wordHashes("sinh")[0]
  static let hoChiMinh = ScanText.wordHashes("Hồ Chí Minh")
  static let hChuTich = ScanText.wordHashes("chủ tịch")
}

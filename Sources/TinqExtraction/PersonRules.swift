import TinqText
import TinqFacts
import TinqSupport

/// `PersonRules` holds the rules that find a person from what is written after or around a name,
/// not before it: a name followed by an apposition (`John Smith, một chuyên gia`), an official
/// named after a country (`Bộ trưởng Tư pháp Philippines Leila de Lima`), and the other names of a
/// list that opens with a person (`ông A, B và C`). Each keeps to shapes no place, street, school
/// or firm takes.
enum PersonRules {
  /// Words that, after a comma, say who the name before them is: `, một chuyên gia`, `, mẹ của`,
  /// `, người phát ngôn`, `, Chủ tịch kiêm ...`. Roles and titles come from `Names.cues` and
  /// `People.positionHeads`.
  static let appositionHeads = PhraseTable<Bool>(
    [
      "người phát ngôn", "người đại diện", "người sáng lập", "người đứng đầu", "người đồng sáng lập",
      "nhà hoạt động", "phụ huynh", "giáo viên", "mẹ", "bố", "cha", "vợ", "chồng", "con gái", "con trai",
      "cô gái", "chàng trai", "cựu", "giám đốc", "chủ tịch", "phó chủ tịch", "tổng giám đốc", "nhân viên",
      "thành viên", "giảng viên", "sinh viên", "học sinh", "cư dân", "công dân", "ông chủ", "bà chủ", "chủ nhân",
    ].map { ($0, true) })
  /// Words that open a sentence before a name, written with a capital there: `Nhưng Manal, ...`.
  static let openers = WordSet(
    ["nhưng", "và", "còn", "theo", "khi", "tại", "với", "sau", "trong", "từ", "ngoài", "cả", "riêng", "hay", "hoặc",
     "vì", "do", "nếu", "dù", "thậm", "trước", "đến", "tới", "bởi", "cùng", "giữa", "về", "ngay", "nay", "hôm", "lúc",
     "đó", "đây", "này", "các", "những", "mọi", "mỗi", "một", "hai", "ba", "cho", "để", "thì", "là", "có", "không"])
  static let hMot = ScanText.wordHashes("một")[0]
  static let hLa = ScanText.wordHashes("là")[0]

  /// Words that make a capitalised run a club, a firm or a team, wherever they stand in it.
  static let notPersonWords = WordSet(
    ["united", "city", "fc", "club", "madrid", "inc", "group", "airlines", "airways", "corporation", "corp",
     "company", "foundation", "university", "college", "school", "hotel", "resort", "bank", "news", "times",
     "post", "press", "tv", "online", "team", "league", "cup", "award", "awards", "festival", "movement", "show",
     "classic", "revival", "open", "prix", "championship", "series", "tour", "beach", "expo", "prize", "trophy"])

  /// Words between a title and a country that make the title a firm's: `Chủ tịch Tập đoàn Hàn Quốc`.
  static let firmWords = WordSet(["tập", "công", "hãng", "ngân", "câu", "clb", "đội", "tuyển", "tờ", "báo", "đài"])

  /// Titles and roles a foreign official's name follows once a country is written: added to the
  /// positions and the title and role cues.
  static let officialHeads = PhraseTable<Bool>(
    ["người đồng cấp", "Cố vấn", "cố vấn", "Vua", "Nhà vua", "nhà vua", "Quốc vương", "Cao ủy", "Ủy viên", "Đặc phái viên",
     "đặc phái viên", "Phát ngôn viên", "Đại sứ", "Tổng thống", "Thủ tướng", "Ngoại trưởng", "Bộ trưởng", "Thứ trưởng"]
      .map { ($0, true) })

  /// Every country of the gazetteer.
  static let countries = PhraseTable<Bool>(Gazetteer.countries.map { ($0, true) })

  /// `isPlainName(_:_:_:)` tells whether the words from `s` to `e` may be a person's name: not a
  /// listed place, no body, title or firm inside.
  static func isPlainName(_ line: TextLine, _ s: Int, _ e: Int) -> Bool {
    let w = line.words
    if Gazetteer.match(line, at: s) != nil || Names.institutionHeads.contains(w[s].hash)
      || People.positionHeads.match(line, at: s) != nil || Organizations.match(line, at: s) != nil
      || OrganizationNames.heads.match(line, at: s) != nil || Names.cues.match(line, at: s) != nil
    {
      return false
    }
    for k in s...e {
      if notPersonWords.contains(w[k].hash) || Names.isAllCaps(line, k) || w[k].isNumber { return false }
      // `Bảo Anh` is a name; `Hoàng Anh Gia Lai` holds a place.
      if k > s, let n = Gazetteer.match(line, at: k), n >= 2 { return false }
    }
    return true
  }

  /// `appositive(_:at:limit:)` reads a name of two to four words that no word before announces,
  /// when a comma and a role, a kinship or a title follow it: `Emme Sky, một chuyên gia người Anh`,
  /// `Dan Serfati, Chủ tịch kiêm Tổng Giám đốc`, `Lekesha Redmon, mẹ của ...`.
  static func appositive(_ line: TextLine, at i: Int, limit: Int) -> (Int, Int)? {
    let w = line.words
    // Cheapest first: the comma where a run from `i` would have to end (gap bytes only), the words
    // around the run, and only then the run itself.
    guard let end = commaRunEnd(line, from: i, limit: limit), end + 2 < limit, !openers.contains(w[i].hash) else {
      return nil
    }
    if i > 0 {
      // Inside a longer proper name, after a place word or a number: something else.
      // `Theo Kesha Williams, ...`: an opening word before the name is no part of it.
      let opened = openers.contains(w[i - 1].hash) && (i == 1 || Dates.isSentenceStart(line, i - 1))
      if w[i - 1].isCapitalized && line.gapIsSpace(after: i - 1) && !Dates.isSentenceStart(line, i) && !opened { return nil }
      if line.gapIsSpace(after: i - 1), Names.introduces(line, i - 1) || w[i - 1].isNumber { return nil }
    }
    var a = end + 1
    if w[a].hash == hMot || w[a].hash == hLa, a + 1 < limit, line.gapIsSpace(after: a) { a += 1 }
    let head =
      appositionHeads.match(line, at: a) != nil || People.positionHeads.match(line, at: a) != nil
      || (Names.cues.match(line, at: a).map { $0.payload != .kin } ?? false)
      || Names.hasAgeAfter(line, end)
    guard head, Names.isTitleCase(line, i), Names.run(line, from: i, limit: limit, maxWords: 4) == end,
      isPlainName(line, i, end)
    else { return nil }
    return (i, end)
  }

  /// `runCrosses(_:after:)` tells whether a run of names (`Names.run`) may go on past word `j`: a
  /// hyphen, or one space or an initial's `. ` before a capitalised word (a particle after a space).
  @inline(__always)
  static func runCrosses(_ line: TextLine, after j: Int) -> Bool {
    let w = line.words
    let b = line.bytes
    let from = w[j].end
    let n = w[j + 1].start - from
    if n == 1 {
      let c = b[from]
      if c == 0x2D { return true }
      // A particle only before a capitalised word, and that test first: `do`, `la` are common words.
      return c == 0x20
        && (w[j + 1].isCapitalized
          || (j + 2 < w.count && w[j + 2].isCapitalized && Names.particles.contains(w[j + 1].hash)))
    }
    return n == 2 && b[from] == 0x2E && b[from + 1] == 0x20 && w[j + 1].isCapitalized
  }

  /// `commaRunEnd(_:from:limit:)` returns the word after which a run of names from word `i`
  /// (`Names.run`, four words at most, hyphens allowed) would reach a comma (`,` or `, `), reading
  /// gap bytes only: the first gap after `i` that no run crosses must be that comma, after the
  /// second word or later. A run crosses a hyphen, and one space or an initial's `. ` only to a
  /// capitalised word or a particle, six such gaps at most. Nil when no run from `i` can end at a
  /// comma; when one is returned, the run still has to end there.
  static func commaRunEnd(_ line: TextLine, from i: Int, limit: Int) -> Int? {
    let w = line.words
    let b = line.bytes
    var j = i
    var spaced = 0
    while j + 1 < limit {
      let from = w[j].end
      let n = w[j + 1].start - from
      if n == 1 {
        let c = b[from]
        if c == 0x2D {
          j += 1
          continue
        }
        if c == 0x20 {
          spaced += 1
          guard spaced <= 6,
            w[j + 1].isCapitalized
              || (j + 2 < w.count && w[j + 2].isCapitalized && Names.particles.contains(w[j + 1].hash))
          else { return nil }
          j += 1
          continue
        }
        return c == 0x2C && j > i ? j : nil
      }
      if n == 2 {
        if b[from] == 0x2E && b[from + 1] == 0x20 {
          spaced += 1
          guard spaced <= 6, w[j + 1].isCapitalized else { return nil }
          j += 1
          continue
        }
        return b[from] == 0x2C && b[from + 1] == 0x20 && j > i ? j : nil
      }
      return nil
    }
    return nil
  }

  /// `afterCountry(_:at:limit:)` reads the name written after a country that a title, a position
  /// or a role governs a few words before: `Bộ trưởng Bộ Tư pháp Philippines Leila de Lima`,
  /// `người phát ngôn Bộ Ngoại giao Trung Quốc Geng Shuang`, `cựu Tổng thống Ukraine Yanukovych`
  /// (one word only straight after the title and the country). Returns the name's span.
  static func afterCountry(_ line: TextLine, at i: Int, limit: Int) -> (Int, Int)? {
    let w = line.words
    guard let (n, _) = countries.match(line, at: i, allowHyphens: true) else { return nil }
    let k = i + n
    guard k < limit, line.gapIsSpace(after: k - 1), Names.isTitleCase(line, k) else { return nil }
    // The governing word: within eight words before, joined by spaces only.
    var j = i - 1
    var head: Int? = nil
    // `lập trình viên người Thụy Điển Wille Dahlbo`: a nationality, then a name of two words or more.
    let nationality = i >= 1 && w[i - 1].hash == hNguoi && line.gapIsSpace(after: i - 1)
    if nationality { head = i }
    while head == nil, j >= 0, i - j <= 8, line.gapIsSpace(after: j) {
      if firmWords.contains(w[j].hash) { return nil }
      if let (c, _) = People.positionHeads.match(line, at: j) ?? officialHeads.match(line, at: j) {
        head = j + c
        break
      }
      if let (c, kind) = Names.cues.match(line, at: j), kind != .kin {
        head = j + c
        break
      }
      j -= 1
    }
    guard let headEnd = head else { return nil }
    // A Vietnamese name keeps to spaces; a foreign one may hold hyphens.
    let vietnamese = People.surnames.contains(w[k].hash) && !line.gap(after: k).elementsEqual([0x2D])
    guard let end = Names.run(line, from: k, limit: limit, maxWords: 4, hyphens: !vietnamese),
      isPlainName(line, k, end)
    else { return nil }
    if end == k {
      // One word: only straight after the title and the country, and a word that goes on small.
      guard !nationality, headEnd == i, end + 1 < w.count, line.gapIsSpace(after: end), !w[end + 1].isCapitalized,
        !People.surnames.contains(w[k].hash), Names.hasVowel(line, k)
      else { return nil }
    }
    if end == w.count - 1, Names.isGluedStart(line, k) { return nil }
    return (k, end)
  }

  /// `listFollowers(_:after:limit:)` reads the names listed after a person's name that ends at
  /// word `e`: `A, B và C`, `A và B`. The items must be written as names, none a place, a body or
  /// a title, and the list must close with `và` and a name; otherwise nothing is taken (`ông A,
  /// Phú Mỹ` is an address). Returns the spans and the last word read.
  static func listFollowers(_ line: TextLine, after e: Int, limit: Int) -> (items: [(Int, Int)], last: Int) {
    let w = line.words
    var items: [(Int, Int)] = []
    var cursor = e
    while items.count < 8, cursor + 2 < limit {
      var s: Int
      var closing = false
      // `Angela Camargo (Mexico), Bilal Habib (Ấn Độ) và ...`: an item's country in brackets.
      var bracketed = false
      if line.gap(after: cursor).elementsEqual([0x20, 0x28]), let (n, _) = countries.match(line, at: cursor + 1, allowHyphens: true),
        cursor + n + 2 < limit, line.gap(after: cursor + n).first == 0x29
      {
        cursor += n
        bracketed = true
      }
      let gap = line.gap(after: cursor).dropFirst(bracketed ? 1 : 0)
      // `A, B, và C`: a comma before the closing `và` too.
      if gap.elementsEqual([0x2C, 0x20]), w[cursor + 1].hash == People.hVa, line.gapIsSpace(after: cursor + 1) {
        s = cursor + 2
        closing = true
      } else if gap.elementsEqual([0x2C, 0x20]) {
        s = cursor + 1
      } else if bracketed ? gap.elementsEqual([0x20]) : line.gapIsSpace(after: cursor), w[cursor + 1].hash == People.hVa,
        line.gapIsSpace(after: cursor + 1)
      {
        s = cursor + 2
        closing = true
      } else {
        break
      }
      guard s < limit, Names.isTitleCase(line, s), !Names.isInitial(line, s),
        let end = Names.run(line, from: s, limit: limit, maxWords: 4, hyphens: !People.surnames.contains(w[s].hash)),
        isPlainName(line, s, end),
        // The run must end the name: no capitalised word straight after it.
        !(end + 1 < w.count && line.gapIsSpace(after: end) && w[end + 1].isCapitalized)
      else { break }
      if end == s {
        guard !Names.notGivenNames.contains(w[s].hash), Names.hasVowel(line, s) else { break }
      }
      if end == w.count - 1, Names.isGluedStart(line, s) { break }
      items.append((s, end))
      cursor = end
      if closing { return (items, cursor) }
    }
    return ([], e)
  }
}

extension PersonRules {
  static let hMang = ScanText.wordHashes("mang")[0]
  static let hDat = ScanText.wordHashes("đặt")[0]
  static let hTen = ScanText.wordHashes("tên")[0]
  static let hEm = ScanText.wordHashes("em")[0]
  static let hAnh = ScanText.wordHashes("anh")[0]

  /// `cueNamesNoOne(_:_:)` tells whether the cue at word `i` is part of a phrase that names a
  /// thing or a group, not a person: `mang tên`, `đặt tên` (a programme, a street), `anh em`
  /// (`Anh em Hồi giáo`).
  /// `isTitle(_:at:)` tells whether the position at word `i` is a title cue (`Chủ tịch`), or its
  /// deputy's (`Phó Chủ tịch`), after which a foreign name may follow.
  static func isTitle(_ line: TextLine, at i: Int) -> Bool {
    if Names.cues.match(line, at: i)?.payload == .title { return true }
    guard line.words[i].hash == hPho, i + 1 < line.words.count, line.gapIsSpace(after: i) else { return false }
    return Names.cues.match(line, at: i + 1)?.payload == .title
  }
  static let hPho = ScanText.wordHashes("phó")[0]
  static let hNguoi = ScanText.wordHashes("người")[0]
  /// Words that open a title after `Phó` (`Phó Trưởng đoàn`, `Phó Giám đốc`, `Phó Chủ tịch`).
  static let deputyTitles = WordSet(
    ["trưởng", "giám", "chủ", "tổng", "bí", "thủ", "chánh", "viện", "cục", "vụ", "hiệu", "tư", "chỉ", "tham", "đồn",
     "chính", "thống", "đoàn", "ban"])
  /// Words that close a firm's name, not a person's (`Samsung Vina`, `An Bình Bank`, `Saigon Co`).
  static let firmEnds = WordSet(
    ["vina", "bank", "co", "corp", "group", "jsc", "holdings", "inc", "ltd", "company", "corporation", "limited", "plc",
     "gmbh", "telecom", "pharma", "motors", "airlines", "airways", "securities", "insurance", "entertainment"])
  /// A title's field after it, written in capitals in captions (`Giám Đốc Điều Hành`): no name.
  static let titleTails = PhraseTable<Bool>(
    ["Điều Hành", "Tài Chính", "Kinh Doanh", "Nhân Sự", "Kỹ Thuật", "Sản Xuất", "Chi Nhánh", "Khu Vực", "Quốc Gia",
     "Truyền Thông", "Dự Án", "Bán Hàng", "Tiếp Thị", "Thường Trực", "Đối Ngoại", "Thương Mại", "Marketing"]
      .map { ($0, true) })

  static func cueNamesNoOne(_ line: TextLine, _ i: Int) -> Bool {
    guard i > 0, line.gapIsSpace(after: i - 1) else { return false }
    let h = line.words[i].hash
    let before = line.words[i - 1].hash
    if h == hTen { return before == hMang || before == hDat }
    if h == hEm { return before == hAnh }
    return false
  }
}

extension PersonRules {
  /// Titles of heads of state and government, after which one foreign word is a surname:
  /// `Tổng thống Putin`, `Thủ tướng Ukraine Yanukovych`.
  static let headsOfState = PhraseTable<Bool>(
    ["Tổng thống", "Thủ tướng", "Ngoại trưởng", "Quốc vương", "Giáo hoàng", "Thủ tướng"].map { ($0, true) })
  /// Single words after such a title that are no surname: `Thủ tướng Chính phủ`, `Tổng thống Nhật`.
  static let notSurnames = WordSet(
    ["chính", "cộng", "thường", "nhật", "lâm", "tạm", "nước", "đương", "kiêm", "mới", "tân", "cựu", "thứ", "phó",
     "liên", "bang", "hội", "đảng", "quân", "đức", "nga", "mỹ", "anh", "pháp", "lào", "úc", "hàn", "trung", "thái"])

  /// `singleAfterTitle(_:title:word:)` tells whether word `k`, alone after the head-of-state title
  /// that ends at word `titleEnd` (a country may stand between), is a foreign surname: written as
  /// a name, no family name of Vietnam, no listed place, not a country's shape (`...stan`).
  static func singleAfterTitle(_ line: TextLine, titleEnd: Int, word k: Int) -> Bool {
    let w = line.words
    guard titleEnd >= 1, let (c, _) = headsOfState.match(line, at: titleEnd - 1), c == 2,
      Names.isTitleCase(line, k), w[k].end - w[k].start >= 3, !People.surnames.contains(w[k].hash),
      !notSurnames.contains(w[k].hash), !Names.institutionHeads.contains(w[k].hash), Gazetteer.match(line, at: k) == nil,
      Names.hasVowel(line, k)
    else { return false }
    let text = line.bytes[w[k].start..<w[k].end]
    for suffix in ["stan", "land", "ia"] where text.elementsEqual(Array(suffix.utf8)) || text.reversed().starts(with: suffix.utf8.reversed()) {
      return false
    }
    // The name ends there: a small word or punctuation follows, not another capitalised word.
    return k + 1 >= w.count || !line.gapIsSpace(after: k) || !w[k + 1].isCapitalized
  }
}

extension PersonRules {
  static let hoChiMinhCues = [
    ScanText.wordHashes("tư tưởng"), ScanText.wordHashes("đạo đức"), ScanText.wordHashes("phong cách"),
    ScanText.wordHashes("tấm gương"),
  ]
  /// `namesHoChiMinh(_:before:)` tells whether the two words before word `i` make `Hồ Chí Minh`
  /// the person: `tư tưởng`, `đạo đức`, `phong cách`, `tấm gương`.
  static func namesHoChiMinh(_ line: TextLine, before i: Int) -> Bool {
    guard i >= 2, line.gapIsSpace(after: i - 1), line.gapIsSpace(after: i - 2) else { return false }
    return hoChiMinhCues.contains { People.matches(line, at: i - 2, $0) }
  }
}

extension PersonRules {
  /// `listLeaders(_:before:)` reads the names listed before a person's name that starts at word
  /// `s` after `và`: `A, B và C` with C a person. Two or more items, each of two to four words
  /// written as names, none a place, a body or a title, and a small word before the first that
  /// makes it no street or school; otherwise nothing.
  static func listLeaders(_ line: TextLine, before s: Int) -> [(Int, Int)] {
    let w = line.words
    // `A, B và C`, or `A, B, và C` with a comma before `và`.
    guard s >= 4, w[s - 1].hash == People.hVa, line.gapIsSpace(after: s - 1),
      line.gapIsSpace(after: s - 2) || line.gap(after: s - 2).elementsEqual([0x2C, 0x20])
    else { return [] }
    var items: [(Int, Int)] = []
    var end = s - 2
    while items.count < 8, end >= 1 {
      var start = end
      while start > 0, end - start < 3, line.gapIsSpace(after: start - 1), Names.isTitleCase(line, start - 1) { start -= 1 }
      guard start < end, Names.isTitleCase(line, start), isPlainName(line, start, end), !Names.isGlued(line, end) else { return [] }
      items.append((start, end))
      guard start >= 2 else { break }
      if line.gap(after: start - 1).elementsEqual([0x2C, 0x20]) {
        end = start - 1
        continue
      }
      // The word before the first item: small, and no word that makes the list streets or schools.
      guard line.gapIsSpace(after: start - 1), !w[start - 1].isCapitalized, !Names.introduces(line, start - 1) else { return [] }
      return items.count >= 2 ? items.reversed() : []
    }
    return []
  }
}

extension PersonRules {
  /// `commaLeaders(_:before:)` reads the names listed before a person's name that starts at word
  /// `s` after a comma: `như A, B, C, D và E` with C a person and the list going on to `và`. Each
  /// item is two to four words written as names, none a place, a body or a title; the word before
  /// the first is small and makes it no street or school, or a colon ends before it; otherwise
  /// nothing.
  static func commaLeaders(_ line: TextLine, before s: Int) -> [(Int, Int)] {
    let w = line.words
    guard s >= 3, line.gap(after: s - 1).elementsEqual([0x2C, 0x20]) else { return [] }
    var items: [(Int, Int)] = []
    var end = s - 1
    while items.count < 8, end >= 1 {
      var start = end
      while start > 0, end - start < 3, line.gapIsSpace(after: start - 1), Names.isTitleCase(line, start - 1) { start -= 1 }
      guard start < end, Names.isTitleCase(line, start), isPlainName(line, start, end), !Names.isGlued(line, end) else { return [] }
      items.append((start, end))
      guard start >= 1 else { return [] }
      if line.gap(after: start - 1).elementsEqual([0x2C, 0x20]) {
        end = start - 1
        continue
      }
      // The word before the first item: small, and no word that makes the list streets or schools.
      let colon = line.gap(after: start - 1).elementsEqual([0x3A, 0x20])
      guard colon || (line.gapIsSpace(after: start - 1) && !w[start - 1].isCapitalized && !Names.introduces(line, start - 1))
      else { return [] }
      return items.reversed()
    }
    return []
  }
}

extension PersonRules {
  /// `hasLoneSurnameShape(_:_:)` tells whether word `i` is a capital and three to fourteen small
  /// Latin letters: bytes only, so most capitalised words are turned down without a call.
  @inline(__always)
  static func hasLoneSurnameShape(_ line: TextLine, _ i: Int) -> Bool {
    let word = line.words[i]
    let n = word.end - word.start
    guard n >= 4, n <= 15, !word.isNumber else { return false }
    let b = line.bytes
    guard b[word.start] >= 0x41, b[word.start] <= 0x5A else { return false }
    for p in (word.start + 1)..<word.end where !(b[p] >= 0x61 && b[p] <= 0x7A) { return false }
    return true
  }

  /// `isLoneSurname(_:_:limit:)` tells whether word `i` may be a foreign surname standing alone
  /// (`Moyes`, `Iniesta`): a word of four or more plain Latin letters written as a name, no family
  /// name of Vietnam, no listed place, word of a body or cue, alone between small words. Only the
  /// corpus can tell whether it is a person (`PeopleResolver`).
  /// Initial consonants and finals of a Vietnamese syllable written without marks (none is one too).
  static let syllableInitials: [[UInt8]] = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b",
    "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""].map { Array($0.utf8) }
  static let syllableFinals: [[UInt8]] = ["ng", "nh", "ch", "c", "m", "n", "p", "t", "i", "o", "u", "y", ""]
    .map { Array($0.utf8) }

  /// `isSyllableShaped(_:)` tells whether plain Latin letters (a capital, then small ones) may be
  /// a Vietnamese syllable without its marks: an initial, one to three vowels, a final (`Sang`,
  /// `Tin`), which a foreign surname seldom is (`Moyes`, `Rooney`).
  static func isSyllableShaped(_ word: ArraySlice<UInt8>) -> Bool {
    guard let first = word.first else { return false }
    let letters = [first | 0x20] + word.dropFirst()
    func isVowel(_ c: UInt8) -> Bool { c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 || c == 0x79 }
    for initial in syllableInitials where letters.starts(with: initial) {
      let rest = letters.dropFirst(initial.count)
      for final in syllableFinals where rest.count > final.count && rest.reversed().starts(with: final.reversed()) {
        let nucleus = rest.dropLast(final.count)
        if (1...3).contains(nucleus.count), nucleus.allSatisfy(isVowel) { return true }
      }
    }
    return false
  }

  /// Titles of monarchs written alone as a name (`bức tượng của Shah`): the office, not one person.
  static let royalTitles = WordSet(["shah", "sultan", "emir", "tsar", "czar", "pharaoh", "caliph", "khedive", "maharaja"])

  /// Words that name an era after them: `thời Kowalczyk`, `đời Lý`.
  static let eraWords = WordSet(["thời", "đời", "triều"])

  /// Words after which a capitalised word is where something happens: `ở Brackwell`, `tại Dunmore`.
  static let locatives = WordSet(["ở", "tại"])

  static func isLoneSurname(_ line: TextLine, _ i: Int, limit: Int) -> Bool {
    let w = line.words
    let word = w[i]
    guard hasLoneSurnameShape(line, i) else { return false }
    if i > 0, line.gapIsSpace(after: i - 1) || line.gap(after: i - 1).elementsEqual([0x2D]) {
      if w[i - 1].isCapitalized && !Dates.isSentenceStart(line, i) { return false }
      if Names.introduces(line, i - 1) || w[i - 1].isNumber { return false }
    }
    // `Sang tuần ...`, `Sang năm ...`: a sentence's first word written as a Vietnamese syllable
    // owes its capital to the sentence.
    if Dates.isSentenceStart(line, i), isSyllableShaped(line.bytes[word.start..<word.end]) { return false }
    // `ở Brackwell`, `tại Dunmore`: after a locative word, a place.
    if i > 0, locatives.contains(w[i - 1].hash), line.gapIsSpace(after: i - 1) { return false }
    // `George W. Bush`: an initial before it makes it a part of a longer name.
    if i > 0, Names.isInitial(line, i - 1), line.gap(after: i - 1).elementsEqual([0x2E, 0x20]) { return false }
    if i + 1 < w.count, w[i + 1].isCapitalized,
      line.gapIsSpace(after: i) || line.gap(after: i).elementsEqual([0x2D])
    {
      return false
    }
    if i == w.count - 1, Names.isGluedStart(line, i) { return false }
    // `Werner Weip - Olsen`: after a spaced dash and a name, the word ends a longer name.
    if i >= 2, line.gap(after: i - 1).elementsEqual([0x20, 0x2D, 0x20]), Names.isTitleCase(line, i - 1) { return false }
    return !People.surnames.contains(word.hash) && !royalTitles.contains(word.hash) && !openers.contains(word.hash) && !notPersonWords.contains(word.hash)
      && !Names.institutionHeads.contains(word.hash) && Gazetteer.match(line, at: i) == nil
      && Names.cues.match(line, at: i) == nil && !Names.foreignGivenNames.contains(word.hash)
  }
}

extension PersonRules {
  /// `titledAppositive(_:at:limit:)` reads a name of two to four words set off by commas after the
  /// title of the body it heads: `Chủ tịch Brelford, Anton Weiss, cho biết`, `Giám đốc điều hành
  /// của Quỹ Ostrava, Pavel Marek, nhận định`. The clause before the first comma opens with a title
  /// or a position within ten words joined by spaces; the name is written as a plain name, and a
  /// foreign one (no family name of Vietnam first) holds no listed place at all (`Tây Ukraine`).
  @inline(never)
  static func titledAppositive(_ line: TextLine, at i: Int, limit: Int) -> (Int, Int)? {
    let w = line.words
    guard i >= 2, line.gap(after: i - 1).elementsEqual([0x2C, 0x20]), let end = commaRunEnd(line, from: i, limit: limit),
      end + 1 < limit, !openers.contains(w[i].hash)
    else { return nil }
    var j = i - 1
    var titled = false
    while j >= 0, i - 1 - j < 10 {
      if People.positionHeads.match(line, at: j) != nil || officialHeads.match(line, at: j) != nil
        || Names.cues.match(line, at: j)?.payload == .title
      {
        titled = true
        break
      }
      guard j > 0, line.gapIsSpace(after: j - 1) else { break }
      j -= 1
    }
    guard titled, Names.isTitleCase(line, i), Names.run(line, from: i, limit: limit, maxWords: 4) == end,
      isPlainName(line, i, end)
    else { return nil }
    for k in i...end {
      guard Names.isTitleCase(line, k) || !w[k].isCapitalized, !Names.isInitial(line, k) else { return nil }
    }
    if !People.surnames.contains(w[i].hash) {
      for k in i...end where Gazetteer.match(line, at: k) != nil || Names.notPeople.match(line, at: k) != nil { return nil }
    }
    return (i, end)
  }

  /// Roles after which a few small words may say more before the name: `chuyên gia phân tích chính
  /// trị Stefan Ionescu`, `nhà thiết kế nổi tiếng Adrian Voss`. Only words for people: makers,
  /// drivers and suspects name a car or a firm as often.
  static let specifiedRoles = PhraseTable<Bool>(
    ["chuyên gia", "nhà báo", "nhà văn", "nhà thơ", "nhà nghiên cứu", "nhà khoa học", "nhà phân tích", "luật sư",
     "bác sĩ", "giáo sư", "ca sĩ", "nữ ca sĩ", "nam ca sĩ", "diễn viên", "nữ diễn viên", "nam diễn viên", "nhạc sĩ",
     "cầu thủ", "tiền đạo", "tiền vệ", "hậu vệ", "thủ môn", "đạo diễn", "nhà thiết kế", "người mẫu", "họa sĩ",
     "nhà hoạt động", "nhiếp ảnh gia", "tay vợt", "võ sĩ", "vận động viên", "nhà sử học", "nhà kinh tế học"]
      .map { ($0, true) })
  /// Small words that make the words after a role a place, an origin or a possession, not more
  /// about the person: `cầu thủ người Brazil`, `nhà báo đến từ New York`, `diễn viên của hãng`.
  static let notSpecifiers = WordSet(["người", "gốc", "quốc", "tịch", "đến", "thuộc", "hãng", "tờ", "đài", "kênh", "đội",
    "tuyển", "câu", "clb", "nhóm", "ban", "trường", "viện", "công", "ty", "tập", "đoàn", "vô", "địch", "áo", "khoác",
    "đấu", "thi", "tham", "gia", "trận", "sân", "mùa", "phim", "giải", "cúp", "vai", "sách", "truyện", "bài", "khúc",
    "album", "chương", "trình", "tác", "phẩm", "tên", "hiệu", "danh",
    // `nhà văn hóa Thanh Niên` is a cultural house, not a writer.
    "hóa", "hoá"])

  /// `afterSpecifiedRole(_:from:limit:)` reads a foreign name of two to four words after one to
  /// four small words that follow a role (`specifiedRoles`) from word `k`: the small words hold no
  /// function word, place word or word of a work (`diễn viên phim Harry Potter` plays in a film),
  /// and the name opens with no family name of Vietnam, holds no listed place, body or title, and
  /// ends there.
  @inline(never)
  static func afterSpecifiedRole(_ line: TextLine, from k: Int, limit: Int) -> (Int, Int)? {
    let w = line.words
    var s = k
    while s < limit, s - k < 4, !w[s].isCapitalized {
      guard line.gapIsSpace(after: s - 1), !w[s].isNumber, !OrganizationNames.stops.contains(w[s].hash),
        !notSpecifiers.contains(w[s].hash)
      else { return nil }
      s += 1
    }
    guard s > k, s < limit, line.gapIsSpace(after: s - 1), !Names.introduces(line, s - 1), Names.isTitleCase(line, s),
      !People.surnames.contains(w[s].hash),
      let end = Names.run(line, from: s, limit: limit, maxWords: 4, hyphens: true), end > s, isPlainName(line, s, end),
      !(end + 1 < w.count && line.gapIsSpace(after: end) && w[end + 1].isCapitalized)
    else { return nil }
    for j in s...end {
      if Gazetteer.match(line, at: j) != nil || Names.notPeople.match(line, at: j) != nil || Names.isInitial(line, j) {
        return nil
      }
    }
    if end == w.count - 1, Names.isGluedStart(line, s) { return nil }
    return (s, end)
  }
}

extension PersonRules {
  static let hNha = ScanText.wordHashes("nhà")[0]

  /// `isHomeOf(_:_:limit:)` tells whether the name at word `i` follows a small `nhà` as the
  /// person whose home it is: `đến nhà Trần Văn Lộc`, a family name and two words or more after
  /// it. Not after an era word, where `nhà` names a dynasty (`thời nhà Nguyễn Gia Miêu`).
  @inline(never)
  static func isHomeOf(_ line: TextLine, _ i: Int, limit: Int) -> Bool {
    let w = line.words
    guard i >= 1, w[i - 1].hash == hNha, !w[i - 1].isCapitalized, line.gapIsSpace(after: i - 1),
      People.surnames.contains(w[i].hash), let end = Names.run(line, from: i, limit: limit, maxWords: 4, hyphens: false),
      end - i >= 2
    else { return false }
    return !(i >= 2 && line.gapIsSpace(after: i - 2) && eraWords.contains(w[i - 2].hash))
  }

  /// Kinship words that open a sentence, as a photo credit's initials may be glued to them.
  static let gluedKinTails: [[UInt8]] = ["Anh", "Ông", "Bà", "Chị", "Em", "Cô", "Chú", "Bác"].map { Array($0.utf8) }

  /// `endsWithGluedKin(_:_:)` tells whether word `k` is capital initials glued to a kinship word
  /// written as a sentence's first (`TAnh` in `Ảnh: M.TAnh Nguyễn ...`): one to three capital
  /// Latin letters, then the kinship word.
  @inline(never)
  static func endsWithGluedKin(_ line: TextLine, _ k: Int) -> Bool {
    let word = line.words[k]
    let b = line.bytes[word.start..<word.end]
    for tail in gluedKinTails where b.count > tail.count && b.count <= tail.count + 3 && b.reversed().starts(with: tail.reversed()) {
      return b.dropLast(tail.count).allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }
    return false
  }
}

extension PersonRules {
  /// Words before a capitalised pair that make it a firm's name: `cổ phần Thanh Hà`, `hãng xe Cẩm Vân`.
  static let firmTails = WordSet(["phần", "xe", "hiệu", "mác"])
  /// Small words after which two given names are a person's as often as anything: `của Bảo Anh`.
  static let pairOpeners = WordSet(
    ["của", "và", "là", "thì", "cho", "khi", "nhưng", "với", "như", "mà", "do", "cùng", "cả", "khiến", "giúp", "được",
     "để", "rằng", "bởi", "từ", "hay", "hoặc", "giữa", "nên", "nếu", "gặp", "thấy"])

  /// `givenPair(_:at:limit:)` reads two given names standing alone, as entertainers and players
  /// are named (`Bảo Anh đã hát`): two words written as names, each shaped as one Vietnamese
  /// syllable, no family name first, in running text (a small word after them, and before them a
  /// small word or a sentence's start), never a listed place, body or title, never a byline glued
  /// to the sentence before. Only the corpus can tell whether it is a person (`PeopleResolver`).
  @inline(never)
  static func givenPair(_ line: TextLine, at i: Int, limit: Int) -> Bool {
    let w = line.words
    // Cheapest first: gaps and hashes, the word before, then the tables; the letters last.
    guard i + 2 < limit, line.gap(after: i).elementsEqual([0x20]), line.gap(after: i + 1).elementsEqual([0x20]),
      !w[i + 2].isCapitalized, !w[i + 2].isNumber, !People.surnames.contains(w[i].hash)
    else { return false }
    if i > 0, !Dates.isSentenceStart(line, i) {
      // After a comma, or a small word that a person's name follows as often as any (`của`, `và`,
      // `là`, `khiến`): never after a noun, which makes it a school's, a shop's or a role's
      // name (`trường chuyên biệt Bình Minh`, `tiệm vàng Thanh Tâm`, `vai diễn Bích Liên`).
      let gap = line.gap(after: i - 1)
      guard gap.elementsEqual([0x2C, 0x20]) || (gap.elementsEqual([0x20]) && pairOpeners.contains(w[i - 1].hash)),
        !w[i - 1].isCapitalized, !w[i - 1].isNumber, !firmTails.contains(w[i - 1].hash), !Names.introduces(line, i - 1)
      else { return false }
    } else if Names.isGluedStart(line, i) {
      return false
    }
    guard !openers.contains(w[i].hash), !Names.institutionHeads.contains(w[i].hash), !notPersonWords.contains(w[i].hash),
      !notPersonWords.contains(w[i + 1].hash), Gazetteer.match(line, at: i) == nil, Gazetteer.match(line, at: i + 1) == nil,
      People.positionHeads.match(line, at: i) == nil, Organizations.match(line, at: i) == nil,
      OrganizationNames.heads.match(line, at: i) == nil, Names.cues.match(line, at: i) == nil,
      Names.notPeople.match(line, at: i) == nil,
      // `Ngày Chủ tịch Hồ Chí Minh ...`: a title or a body starting at the second word is no name's part.
      People.positionHeads.match(line, at: i + 1) == nil, Organizations.match(line, at: i + 1) == nil,
      Names.cues.match(line, at: i + 1) == nil, Names.isTitleCase(line, i), Names.isTitleCase(line, i + 1)
    else { return false }
    for k in i...(i + 1) {
      let letters = line.bytes[w[k].start..<w[k].end]
      // A word of plain letters must be one Vietnamese syllable (`Chi Pu`), not a foreign word
      // (`West Ham`); a marked word has its vowels together (`Hân`, not `Lợini`).
      if letters.allSatisfy({ $0 < 0x80 }) {
        guard isSyllableShaped(letters) else { return false }
      } else {
        guard Names.hasOneVowelRun(line, k), Names.hasVowel(line, k) else { return false }
      }
    }
    return true
  }
}

extension PersonRules {
  /// `capitalCourtesy(_:_:limit:)` tells whether `Ông` or `Bà` written with a capital inside a
  /// sentence (`Kathy Uyên và Bà Phạm Thị Mai Son`) announces a full name: a family name and two or
  /// three more words written as a name, joined by single spaces, and no street, market or school
  /// word before it (`phố Bà Triệu`, `chợ Bà Chiểu` have no family name and one word). Two words
  /// are left (`Bà Quan Âm` is a bodhisattva), and so are five, which may be two names run
  /// together.
  static func capitalCourtesy(_ line: TextLine, _ i: Int, limit: Int) -> Bool {
    let w = line.words
    guard w[i].hash == People.hOng || w[i].hash == People.hBa, i + 3 < limit, People.surnames.contains(w[i + 1].hash),
      !(i > 0 && line.gapIsSpace(after: i - 1) && Names.introduces(line, i - 1))
    else { return false }
    var n = 0
    while i + n + 1 < limit, n < 5, line.gap(after: i + n).elementsEqual([0x20]), Names.isTitleCase(line, i + n + 1) { n += 1 }
    // `Bà Hồ Thị Duyệt Nguyễn văn Thìn`: a family name no one is given ends no name; the next starts.
    return (3...4).contains(n) && !familyNamesOnly.contains(w[i + n].hash)
  }
  /// Family names that are never given names: a name does not end with one.
  static let familyNamesOnly = WordSet(["Nguyễn", "Trần", "Phạm", "Huỳnh", "Đặng", "Bùi", "Đỗ", "Ngô", "Trịnh"])
}

extension PersonRules {
  /// Levels of the places where people live, whose names are never a person's with `Văn` or `Thị`.
  /// Streets, schools and wards may be named after people (`phố Nguyễn Văn Tố`), and are not here.
  static let regionLevels = WordSet(["tỉnh", "huyện", "xã", "thôn", "ấp", "bản", "làng"])
  static let vanThi = WordSet(["văn", "thị"])

  /// `isVanThiName(_:at:limit:)` tells whether a family name, `Văn` or `Thị` and a given name begin
  /// at word `s`: the shape of a Vietnamese person's name that no province or village has.
  static func isVanThiName(_ line: TextLine, at s: Int, limit: Int) -> Bool {
    let w = line.words
    return s + 2 < limit && People.surnames.contains(w[s].hash) && vanThi.contains(w[s + 1].hash)
      && line.gapIsSpace(after: s) && line.gapIsSpace(after: s + 1) && Names.isTitleCase(line, s + 1)
      && Names.isTitleCase(line, s + 2)
  }
}

#if PostgreSQL
import Foundation
/// `PostgresSchema` is the database layout Tinq loads into and queries (documented in
/// `docs/POSTGRES.md`). Every per-article table carries `article_id`, the distribution column
/// under Citus, so an article's rows live on one shard; the entity dictionaries are small
/// reference tables.
///
/// Matching is decided by Tinq, not by PostgreSQL's text search configuration: the loader stores
/// the folded keys that Tinq's own semantics compare (`*_toned`: case and tone placement folded;
/// `*_bare`: diacritics removed too), Vietnamese collation keys as `bytea` (`*_sort`), the partial
/// date as truncated ordinals, and the syllables of titles and bodies as `tsvector`s written
/// lexeme by lexeme (`b:` bare and `t:` toned keys at each position), so a phrase is a `<->`
/// query over exactly the syllables the in-memory index sees.
public enum PostgresSchema {
  /// Bumped when the layout changes; a database of another version is refused with a clear error.
  public static let version = "2"

  /// The statements creating the tables and indexes, if missing.
  public static let create = """
    CREATE TABLE IF NOT EXISTS tinq_meta (key text PRIMARY KEY, value text NOT NULL);
    CREATE TABLE IF NOT EXISTS tinq_articles (
      id text PRIMARY KEY,
      ordinal bigint NOT NULL,
      origin text,
      source_file text,
      title text,
      body text NOT NULL,
      syllables int NOT NULL,
      year int, month int, day int,
      date_precision smallint,
      date_y int, date_m int, date_d int,
      source text, author text, url text,
      id_toned text, id_bare text, id_sort bytea,
      title_toned text, title_bare text, title_sort bytea,
      source_toned text, source_bare text, source_sort bytea,
      author_toned text, author_bare text, author_sort bytea,
      url_toned text, url_bare text, url_sort bytea,
      story text NOT NULL, story_toned text, story_bare text, story_sort bytea,
      quarter text, quarter_toned text, quarter_bare text, quarter_sort bytea,
      week text, week_toned text, week_bare text, week_sort bytea,
      facts bytea NOT NULL
    );
    CREATE INDEX IF NOT EXISTS tinq_articles_ordinal ON tinq_articles (ordinal);
    CREATE INDEX IF NOT EXISTS tinq_articles_year ON tinq_articles (year);
    CREATE INDEX IF NOT EXISTS tinq_articles_date ON tinq_articles (date_d, date_m, date_y);
    CREATE INDEX IF NOT EXISTS tinq_articles_source ON tinq_articles (source_bare);
    CREATE INDEX IF NOT EXISTS tinq_articles_source_toned ON tinq_articles (source_toned);
    CREATE INDEX IF NOT EXISTS tinq_articles_author ON tinq_articles (author_bare);
    CREATE INDEX IF NOT EXISTS tinq_articles_author_toned ON tinq_articles (author_toned);
    CREATE INDEX IF NOT EXISTS tinq_articles_source_file ON tinq_articles (source_file);
    CREATE TABLE IF NOT EXISTS tinq_terms (
      article_id text NOT NULL,
      part smallint NOT NULL,
      chunk int NOT NULL,
      terms tsvector NOT NULL,
      PRIMARY KEY (article_id, part, chunk)
    );
    CREATE INDEX IF NOT EXISTS tinq_terms_gin ON tinq_terms USING gin (terms);
    CREATE TABLE IF NOT EXISTS tinq_documents (
      key text PRIMARY KEY,
      number text NOT NULL, type text, issuer text, year int, partial boolean NOT NULL,
      number_folded text NOT NULL,
      pattern_number bigint, pattern_year int, pattern_type text, pattern_codes text
    );
    CREATE INDEX IF NOT EXISTS tinq_documents_number ON tinq_documents (pattern_number);
    CREATE INDEX IF NOT EXISTS tinq_documents_folded ON tinq_documents (number_folded);
    CREATE TABLE IF NOT EXISTS tinq_citations (
      article_id text NOT NULL, seq int NOT NULL,
      document_key text NOT NULL,
      number text NOT NULL, number_toned text NOT NULL, number_bare text NOT NULL, number_sort bytea NOT NULL,
      PRIMARY KEY (article_id, seq)
    );
    CREATE INDEX IF NOT EXISTS tinq_citations_document ON tinq_citations (document_key);
    CREATE INDEX IF NOT EXISTS tinq_citations_number ON tinq_citations (number_bare);
    CREATE INDEX IF NOT EXISTS tinq_citations_number_toned ON tinq_citations (number_toned);
    CREATE INDEX IF NOT EXISTS tinq_citations_article ON tinq_citations (article_id);
    CREATE TABLE IF NOT EXISTS tinq_people (
      key text PRIMARY KEY, name text NOT NULL, name_bare text NOT NULL
    );
    CREATE TABLE IF NOT EXISTS tinq_article_people (
      article_id text NOT NULL, seq int NOT NULL,
      name text NOT NULL, rank text, positions text[] NOT NULL,
      name_toned text NOT NULL, name_bare text NOT NULL, name_sort bytea NOT NULL,
      PRIMARY KEY (article_id, seq)
    );
    CREATE INDEX IF NOT EXISTS tinq_article_people_name ON tinq_article_people (name_bare);
    CREATE INDEX IF NOT EXISTS tinq_article_people_name_toned ON tinq_article_people (name_toned);
    CREATE TABLE IF NOT EXISTS tinq_organizations (
      key text PRIMARY KEY, name text NOT NULL, name_bare text NOT NULL,
      abbreviation text, abbreviation_toned text, abbreviation_bare text
    );
    CREATE INDEX IF NOT EXISTS tinq_organizations_name ON tinq_organizations (name_bare);
    CREATE INDEX IF NOT EXISTS tinq_organizations_abbreviation ON tinq_organizations (abbreviation_bare);
    CREATE INDEX IF NOT EXISTS tinq_organizations_abbreviation_toned ON tinq_organizations (abbreviation_toned);
    CREATE TABLE IF NOT EXISTS tinq_article_organizations (
      article_id text NOT NULL, seq int NOT NULL,
      organization_key text NOT NULL,
      name text NOT NULL, name_toned text NOT NULL, name_bare text NOT NULL, name_sort bytea NOT NULL,
      PRIMARY KEY (article_id, seq)
    );
    CREATE INDEX IF NOT EXISTS tinq_article_organizations_name ON tinq_article_organizations (name_bare);
    CREATE INDEX IF NOT EXISTS tinq_article_organizations_name_toned ON tinq_article_organizations (name_toned);
    CREATE INDEX IF NOT EXISTS tinq_article_organizations_key ON tinq_article_organizations (organization_key);
    """

  /// `create`, one statement at a time (the extended protocol takes one per message).
  static var statements: [String] {
    create.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
  }

  /// `tinq_meta`'s `stories`: whether the stored stories were clustered over every article of the
  /// database (one load into an empty database), or over each load apart, which another corpus
  /// in memory would not give.
  static let storiesOfCorpus = "corpus"
  static let storiesPerLoad = "per load"

  /// The per-article tables, children of `tinq_articles`.
  static let articleTables = ["tinq_terms", "tinq_citations", "tinq_article_people", "tinq_article_organizations"]

  /// The syllables of one `tinq_terms` row at most: PostgreSQL keeps positions up to 16,383.
  static let chunkSyllables = 16_000
  /// The syllables two consecutive chunks share, so a phrase of up to `overlap + 1` syllables
  /// that straddles a boundary stands whole in one of them.
  static let overlap = 64
  /// A lexeme keeps at most 256 positions in a `tsvector`: a chunk ends before any syllable's
  /// 256th occurrence.
  static let positionsPerLexeme = 255
  /// PostgreSQL refuses longer lexemes; a longer "syllable" (a run of letters with no break) is
  /// left out of the terms (phrases with it are not found on PostgreSQL).
  static let maxLexemeBytes = 2_000
}
#endif

-- sitrep schema 5: the other inputs of an article (copies and near
-- duplicates), which every page of incidents looks up for each report,
-- are found by an index of their own rather than by reading every input
-- of the article, original included.
CREATE INDEX article_sources_copies ON article_sources(article_id) WHERE relation <> 'original';

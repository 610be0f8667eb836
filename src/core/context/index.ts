export { buildCodebaseContext, REPO_MAP_PATH, type CodebaseContext, type CodebaseOptions } from './select';
export { createTagParser, type TagParser } from './parser';
export { rankRepo, type Ranking, type RankQuery } from './rank';
export { RepoIndex, INDEX_VERSION, MAX_INDEXED_FILES, type IndexedFile } from './repoIndex';
export { renderRepoMap } from './render';
export { languageFor, SOURCE_EXTENSIONS } from './languages';
export { wantsCodebase } from './trigger';
export { skipReason, MAX_FILE_BYTES } from './skip';
export { updateIndex, type ListedFile, type UpdateStats } from './update';

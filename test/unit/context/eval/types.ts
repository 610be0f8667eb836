// One labelled question: the files a good answer has to look at, labelled by reading the code (never derived from
// a ranker's output).
export interface EvalQuestion { q: string; relevant: string[] }

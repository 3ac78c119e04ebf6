export declare const DOMAIN_SOURCES: string;
export declare function ruleCodesInSources(root?: string): Set<string>;
export declare function specTexts(root?: string): { file: string; text: string }[];
export declare function recordedRuleCodes(dir: string): Set<string>;
export declare function unexercisedRuleCodes(thrown: Iterable<string>, recorded: ReadonlySet<string>): string[];

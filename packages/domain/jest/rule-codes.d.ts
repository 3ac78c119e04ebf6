export declare const DOMAIN_SOURCES: string;
export declare function ruleCodesInSources(root?: string): Set<string>;
export declare function specTexts(root?: string): { file: string; text: string }[];
export declare function recordedRuleCodes(dir: string): Set<string>;
export declare function unexercisedRuleCodes(thrown: Iterable<string>, recorded: ReadonlySet<string>): string[];
export declare const specBeside: (file: string) => string;
export declare function useCaseFiles(root?: string): { file: string; codes: string[] }[];
export declare function useCaseSpecGaps(root?: string): { withoutSpec: string[]; untested: string[] };
export declare function recordedRuleCodesBySpec(dir: string): Map<string, Set<string>>;
export declare function useCaseCodesUnexercisedBeside(
  useCases: readonly { file: string; codes: readonly string[] }[],
  bySpec: ReadonlyMap<string, ReadonlySet<string>>,
  root?: string,
): string[];

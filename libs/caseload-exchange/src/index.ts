export * from './caseload-columns';
export * from './caseload-cells';

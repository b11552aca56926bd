export * from './caseload-columns';
export * from './caseload-cells';
export * from './caseload-csv';
export * from './caseload-xlsx';
export * from './caseload-template';
export * from './caseload-row';

export * from './seed-centers';
export * from './seed-demo-staff';
export * from './seed-programs';
export * from './seed-demo-clients';
export * from './seed-match-seasons';
export * from './seed-demo-pathways';

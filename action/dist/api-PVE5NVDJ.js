import{a,b,c,d,e,f}from"./chunk-2K35IB7G.js";import"./chunk-IYWUY3VA.js";export{a as MAX_PAGES,b as TimeBudgetSpent,d as UntrustedAnswer,e as describeFailure,f as listAll,c as statusOf};

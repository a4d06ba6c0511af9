import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{e as b,f as c,g as d}from"./chunk-RIA4QCH6.js";import{a}from"./chunk-QHV2EI66.js";import"./chunk-EH3BI6NV.js";import"./chunk-J25D2CTD.js";export{a as NOTHING_TO_CHECK,b as headline,c as reportMarkdown,d as summaryNotice};

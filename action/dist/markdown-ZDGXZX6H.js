import{e as a,f as b,g as c}from"./chunk-JEJ7XS54.js";import"./chunk-H5M5HX6E.js";import"./chunk-IYWUY3VA.js";export{a as headline,b as reportMarkdown,c as summaryNotice};

import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{b as S,e as f,f as C,h as _,o as O}from"./chunk-EH3BI6NV.js";var R="\u200B";function m(e){return C(e).replace(/[\\`*_[\]|~#!$<>&@]/g,r=>{switch(r){case"<":return"&lt;";case">":return"&gt;";case"&":return"&amp;";case"@":return`@${R}`;default:return`\\${r}`}}).replace(/:(?=\/\/)/g,`:${R}`).replace(/(www)(?=\.)/gi,`$1${R}`)}function v(e,r={}){let t=C(e);r.table&&(t=t.replace(/\|/g,"\\|"));let n=Math.max(0,...[...t.matchAll(/`+/g)].map(i=>i[0].length)),s="`".repeat(n+1),a=/^[` ]|[` ]$/.test(t)&&/[^ ]/.test(t)?" ":"";return`${s}${a}${t}${a}${s}`}var M=e=>e.length,L=e=>Buffer.byteLength(e,"utf8"),B={max:6e4,measure:M,elsewhere:"The job summary and the JSON report list them all."},pe={max:1e6,measure:L,elsewhere:"The JSON report (the step's `report` output) lists them all."},A=2e3;function N(e,r,t,n=`
`){let s=[],a=0,i=t(n);for(let d of e){let c=t(d)+i;if(a+c>r)break;s.push(d),a+=c}return{taken:s,left:e.length-s.length,used:a}}function P(e,r,t){if(r<=0)return"";let n=r;for(let a=0;a<4;a++){let i=e(n),d=t(i);if(d<=r)return i;if(n=Math.floor(n*r/d)-1,n<=0)return""}let s=e(Math.floor(r/3));return t(s)<=r?s:""}function T(e,r,t,n="\u2026"){if(t(e)<=r)return e;let s=r-t(n);if(s<=0)return"";let a=0,i=e.length;for(;a<i;){let p=Math.ceil((a+i)/2);t(e.slice(0,p))<=s?a=p:i=p-1}let d=a,c=e.charCodeAt(d-1);c>=55296&&c<=56319&&d--;let l=e.lastIndexOf(`
`,d);return l>d/2&&(d=l+1),`${e.slice(0,d)}${n}`}var Y=12,K=300,z={major:"asks something new of engineers: raise the major version",minor:"changes the ladder without asking more of anyone: raise the minor version",none:"no change to the ladder"};function F(e,r=Y){return e.map((t,n)=>{if(t.kind!=="same")return t;let s=/^\s*/.exec(t.text)?.[0]??"",a=t.text.slice(s.length).split(/(\s+)/),i=(a.length+1)/2,d=0;if(n>0)for(;d<Math.min(r,i)&&(d===0||!(a[d*2-1]??"").includes(`
`));)d++;let c=0;if(n<e.length-1)for(;c<Math.min(r,i)&&(c===0||!(a[a.length-c*2]??"").includes(`
`));)c++;if(d+c>=i-1)return t;let l=a[d*2-1]??" ",p=a[a.length-c*2]??" ",u=s;return d>0&&(u+=`${a.slice(0,d*2-1).join("")}${l.includes(`
`)?`
`:" "}`),u+="\u2026",c>0&&(u+=`${p.includes(`
`)?`
`:" "}${a.slice(a.length-(c*2-1)).join("")}`),{kind:"same",text:u}})}function J(e){return`${e.length===1?"version":"versions"} ${e.join(", ")}`}function D(e){return e?e.levels.join(" = "):"\u2014"}function H(e){return[...new Set([...e.parity.removed.map(t=>t.band),...e.parity.added.map(t=>t.band)])].map(t=>({band:t,before:e.parity.removed.find(n=>n.band===t),after:e.parity.added.find(n=>n.band===t)}))}function X(e){return m(e.trim()).replace(/^([-+=>]|\d+[.)])/,t=>/^\d/.test(t)?`${t.slice(0,-1)}\\${t.slice(-1)}`:`\\${t}`)}function Q(e){let r=[""],t=!1;for(let n of e)n.text.split(`
`).forEach((s,a)=>{a>0&&(r.push(""),t=!1);let i=X(s);if(i!==""){let d=r[r.length-1]??"",c=(t||/^\s/.test(s))&&d!==""?" ":"";r[r.length-1]=d+c+(n.kind==="same"?i:n.kind==="added"?`<ins>${i}</ins>`:`<del>${i}</del>`)}t=/\s$/.test(s)||i===""&&(t||s.length>0)});return r.filter(n=>n!=="").join(`<br>
`)}function q(e,r={}){let t=r.maxChars??Number.POSITIVE_INFINITY,n=m,s=[],a=(o,h=!1,k)=>s.push(k===void 0?{full:o,change:h}:{full:o,change:h,compact:k}),i=e.verdict==="major"?"\u{1F534} major":e.verdict==="minor"?"\u{1F7E1} minor":"\u26AA none";a(`### Ladder diff: ${i}

`);let d=`Version ${n(e.version.base)||"(none)"} \u2192 ${n(e.version.head)||"(none)"}`,c=e.version.suggested?` The version should be **${n(e.version.suggested)}**.`:"";a(`**Verdict: ${e.verdict}**: this change ${z[e.verdict]}. ${d}.${c}

`),e.reasons.length>0&&a(`Why major:
${e.reasons.map(o=>`- ${n(o)}`).join(`
`)}

`);let{levels:l,competencies:p}=e,u=[...l.added.map(o=>`| added | ${n(o.id)} | ${n(o.title)} (track ${n(o.track)}, band ${n(o.band)}) |`),...l.removed.map(o=>`| removed | ${n(o.id)} | ${n(o.title)} (track ${n(o.track)}, band ${n(o.band)}) |`),...l.retitled.map(o=>`| retitled | ${n(o.id)} | ${n(o.from)} \u2192 ${n(o.to)} |`),...l.migrated.map(o=>`| ${o.kind} | ${n(o.from.join(", "))} | ${_[o.kind]} ${n(o.to.join(", "))} (${n(J(o.versions))}) |`),...l.moved.map(o=>`| moved | ${n(o.id)} | band ${n(o.fromBand)} \u2192 ${n(o.toBand)}${o.was?` (was ${n(o.was)})`:""} |`),...l.summaryChanged.map(o=>`| summary | ${n(o.id)} | ${n(o.to)} |`)];g("#### Levels",`| change | level | details |
| --- | --- | --- |`,u);let w=[...p.added.map(o=>`| added | ${n(o.name)} (${n(o.id)}) | tracks: ${n(o.tracks.join(", "))||"none"} |`),...p.removed.map(o=>`| removed | ${n(o.name)} (${n(o.id)}) | tracks: ${n(o.tracks.join(", "))||"none"} |`),...p.renamed.map(o=>`| renamed | ${n(o.id)} | ${n(o.from)} \u2192 ${n(o.to)} |`),...p.tracksChanged.map(o=>`| tracks | ${n(o.id)} | ${[...o.added.map(h=>`+${n(h)}`),...o.removed.map(h=>`\u2212${n(h)}`)].join(", ")} |`)];if(g("#### Competencies",`| change | competency | details |
| --- | --- | --- |`,w),e.expectations.length>0){a(`#### Expectations

`);for(let o of e.expectations)ee(o,a);a(`
`)}if(g("#### Proficiency steps",`| level | competency | step |
| --- | --- | --- |`,(e.proficiency??[]).map(o=>`| ${n(o.level)}${o.was?` (was ${n(o.was)})`:""} | ${n(o.competencyName)} | ${n(Z(o))} |`)),g("#### Parity",`| band | equivalent before | equivalent after |
| --- | --- | --- |`,H(e).map(o=>`| ${n(o.band)} | ${n(D(o.before))} | ${n(D(o.after))} |`)),g("#### Open packets on a changed level",`| packet | candidate | move | why |
| --- | --- | --- | --- |`,e.packets.map(o=>`| ${n(o.file)} | ${n(o.candidate)} | ${n(o.from)} \u2192 ${n(o.to)} | ${n(o.reason)} |`)),e.other.length>0){a(`#### Other changes

`);for(let o of e.other)a(`- ${n(o)}
`,!0);a(`
`)}return e.verdict==="none"&&a(`No change to the ladder.
`),ne(s,t);function g(o,h,k){if(k.length!==0){a(`${o}

${h}
`);for(let j of k)a(`${j}
`,!0);a(`
`)}}}function Z(e){return`${O(e.from,e.to)??""}${e.from?"":" (new)"}${e.to?"":" (no longer stated)"}`}function ee(e,r){let t=e.change==="added"?"new section":e.change==="removed"?"section removed":"changed",n=`+${e.added.length} / \u2212${e.removed.length} words`,s=e.was?` (was ${m(e.was)})`:"",a=`<strong>${m(e.level)}${s} \xB7 ${m(e.competencyName)}</strong>: ${t}, ${n}`,i=Q(F(e.segments)),d=e.coarse?`<br>
<em>(too large to compare word by word: the changed part is shown replaced whole)</em>`:"",c=`- ${a.replace(/<\/?strong>/g,"**")}; word diff not shown
`;i.length+d.length<=K?r(`- ${a.replace(/<\/?strong>/g,"**")}: ${i}${d}
`,!0,c):r(`
<details><summary>${a}</summary>

${i}${d}

</details>

`,!0,c)}var V=e=>`
> \u2702\uFE0F Cut to fit the comment: ${f(e,"more change")} not shown. Run \`ladder diff\` with the same refs for the whole diff.
`;function ne(e,r){if(e.reduce((c,l)=>c+l.full.length,0)<=r)return e.map(c=>c.full).join("");let n=V(999999).length,s="",a=0;for(;a<e.length;a++){let c=e[a];if(s.length+c.full.length+n<=r)s+=c.full;else if(c.compact!==void 0&&s.length+c.compact.length+n<=r)s+=c.compact;else break}if(a===e.length)return s;let i=e.slice(a).filter(c=>c.change).length,d=V(i);return s.length+d.length<=r?s+d:(e[0]?.full??"").slice(0,r)}var te={present:"\u2705 present",thin:"\u26A0\uFE0F thin",missing:"\u274C missing"};function W(e,r){return e?`${e.id} (${e.title}, ${e.band})`:r?`${r} (no such level)`:"an unknown level"}function oe(e){let r=e.kind==="track-switch"?"track switch":e.kind??"unknown kind";if(e.bands===void 0)return r;if(e.bands===0){let[n,s]=[e.from?.trackKind,e.to?.trackKind],a=n===s?"":s==="ic"?", not a demotion":", not a promotion";return`${r}, lateral (same band${e.trackChange?`, ${e.from?.track??""} \u2192 ${e.to?.track??""}`:""}${a})`}let t=Math.abs(e.bands);return`${r}, ${f(t,"band")} ${e.bands>0?"up":"down"}${t>1&&e.bands>0?" (skips a band)":""}`}function re(e,r){if(!(!e||r===void 0))return`${e.replace(/\/+$/,"")}/${r}`}var x=e=>m(e);function U(e,r){let t=e.summary,n=[`#### ${v(e.file)}`,""],s=t.candidate?v(t.candidate):"the candidate",a=re(r,t.changePage);n.push(`- **Move:** ${s}: ${x(W(t.from,t.fromId))} \u2192 ${x(W(t.to,t.toId))}; ${x(oe(t))}${a?` \xB7 [what changes](${a})`:""}`);let i=t.feedback,d=i.count>=i.minimum;n.push(`- **Feedback:** ${f(i.count,"person","people")} (${i.supporting} supporting)${i.policy?`; the policy asks for ${i.minimum} (${v(i.policy)}) ${d?"\u2705":"\u274C"}`:""}`),n.push(`- **Sponsors:** ${t.sponsors.length>0?t.sponsors.map(l=>v(l)).join(", "):"none"}`);let c=t.ladderVersion;if(n.push(`- **Ladder version:** ${c.written?x(c.written):"not given"}${c.behind?` \u26A0\uFE0F the ladder is now at ${x(c.current)}: re-read the target level's expectations`:c.written===c.current?" (current)":""}`),e.threads&&n.push(`- **Review threads:** ${se(e.threads)}`),t.coverage.length>0){let l=e.threads;n.push("",`| competency of ${x(t.to?.id??"")} | evidence | words |${l?" open threads |":""}`,`| --- | --- | --- |${l?" --- |":""}`);for(let p of t.coverage){let u=l?.byCompetency.find(w=>w.id===p.id)?.open??0;n.push(`| ${x(p.name)} | ${te[p.state]} | ${p.words} |${l?` ${u} |`:""}`)}}if(e.threads?.byCompetency.some(l=>l.open>0)){n.push("");for(let l of e.threads.byCompetency.filter(p=>p.open>0))n.push(`${x(l.name)}: ${f(l.open,"open thread")}.  `)}return n.push(""),n.join(`
`)}function se(e){if(e.open+e.resolved===0)return"none";let r=e.elsewhere.open>0?` (${e.elsewhere.open} open outside the evidence sections)`:"";return`${e.open} open, ${e.resolved} resolved${r}`}function G(e){let r=[];e.off.length>0&&r.push(`Rules turned off in policy.rules: ${e.off.join(", ")}.`);for(let t of e.exceptions){let n=t.level!==void 0?`level ${t.level}`:t.band!==void 0?`band ${t.band}`:"no place",s=t.waived===1?"1 finding":`${t.waived} findings`;r.push(`Rule ${t.rule} waived at ${n} (${s}; ${t.file}:${t.line}): ${t.reason}`)}return r}function ae(e){let{errors:r,warnings:t}=S(e.diagnostics),n=r>0?`\u274C ${f(r,"error")}, ${f(t,"warning")}`:t>0?`\u26A0\uFE0F ${f(t,"warning")}`:"\u2705 no problems",s=e.approvals===void 0?"":e.approvals.met?" \xB7 \u2705 approvals complete":" \xB7 \u23F3 approvals needed";return`${n}${s}`}var ie=(e,r)=>q(e,{maxChars:r}),I=1e3,ce=1200;function Le(e,r,t=ie){let{max:n,measure:s,elsewhere:a}=typeof r=="number"?{...B,max:r,measure:M}:r,i=$=>s($.join(`
`))+1,d=[`## Ladder check: ${ae(e)}`,"",`Checked ${f(e.files,"file")} (${e.scope}).`,""];for(let $ of e.notices)d.push(`> [!NOTE]
> ${m(T($,I,M))}`,"");let c=e.waivers?G(e.waivers):[];c.length>0&&d.push("Not checked, by the ladder's policy:","",...c.map($=>`- ${m(T($,I,M))}`),"");let l=[`<sub>ladder-as-code ${m(e.version)}${e.runUrl?` \xB7 [run](${e.runUrl})`:""}</sub>`],p=$=>`> [!WARNING]
> ${$} not shown here: this report has a size limit. ${a}`,u=n-i(d)-i(l)-ce,w=e.diagnostics.map($=>`| ${$.severity==="error"?"\u274C":"\u26A0\uFE0F"} | ${v(`${$.file}:${$.line}:${$.column}`,{table:!0})} | ${m(T($.message,I,M))} | ${v($.rule,{table:!0})} |`),g=[];if(e.approvals){let $=de(e.approvals),b=w.length>0||e.diff?Math.floor(u/2):u,y=N($,b-i(["### Approvals",""]),s);g.push("### Approvals","",...y.taken),y.left>0&&g.push("",p(f(y.left,"more line")+" of approvals")),g.push(""),u-=i(g)}let o=[];if(e.packets&&e.packets.length>0){let $=e.packets.map(E=>U(E,e.siteUrl)),b=w.length>0||e.diff?Math.floor(u/2):u,y=N($,b-i(["### Packets",""]),s);o.push("### Packets","",...y.taken),y.left>0&&o.push(p(f(y.left,"more packet")),""),u-=i(o)}let h="";if(e.diff){let $=`### Ladder changes

`,b=(w.length>0?Math.floor(u/2):u)-s($)-2,y=e.diff;h=`${$}${P(E=>t(y,E).trim(),b,s)}
`,u-=s(h)+1}let k=[];if(w.length>0){let $=["### Problems","","| | where | problem | rule |","| --- | --- | --- | --- |"],b=N(w,u-i($),s);k.push(...$,...b.taken),b.left>0&&k.push("",p(f(b.left,"more problem"))),k.push("")}let j=[...d,...k,...g,...o,...h?[h]:[],...l].join(`
`);return s(j)<=n?j:T(j,n,s)}function de(e){let r=[];for(let t of e.items){let n=t.counted.length>0?t.counted.map(s=>v(s)).join(", "):"none yet";r.push(`- ${t.met?"\u2705":"\u23F3"} **${m(t.subject)}** needs ${m(t.needs)}. Counted: ${n}.${t.missing?` Missing: ${m(t.missing)}.`:""}`);for(let s of t.ignored)r.push(`  - ${v(s.login)} does not count: ${m(s.why)}.`);for(let s of t.blockedBy??[])r.push(`  - ${v(s)} requested changes: this waits for their new review.`)}return r}function Ie(e){return`
> [!WARNING]
> ${T(m(e),A-20,L)}
`}export{M as a,B as b,pe as c,G as d,ae as e,Le as f,Ie as g};

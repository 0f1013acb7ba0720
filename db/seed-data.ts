// The demo cases: real people, real public urgent actions (from Amnesty International's published urgent
// actions of 2017–2020). Each story is written as it stood at its last update and says so, because the
// demo runs years later and must not tell a reader something untrue about a living person.
// Targets keep real titles, postal addresses and channels (an official with no public email has none here
// either), but every email is @example.org and every fax number is in the range Ofcom reserves for drama
// (+44 20 7946 0000 to 0999, never assigned to a line), so a demo can never mail or fax a real office. Timeline updates all fall on or after the case's publishedAt: the case page
// lists them newest first, ending with "Urgent action issued".
import type { caseUpdates, cases, letterTemplates, targets } from "./schema";

export type DemoUpdate = Required<Omit<typeof caseUpdates.$inferInsert, "id" | "caseId" | "createdAt" | "createdBy" | "notifiedAt" | "formKey">>;
export type DemoTarget = Required<Omit<typeof targets.$inferInsert, "id" | "caseId" | "routing" | "missionOf" | "timeZone" | "deliveryMode" | "digestHour" | "digestFormat" | "pacePerHour" | "officeHoursStart" | "officeHoursEnd" | "officeDays">> &
  Pick<typeof targets.$inferInsert, "routing" | "missionOf">;
export type DemoLetterTemplate = Required<Omit<typeof letterTemplates.$inferInsert, "id" | "caseId" | "updatedAt">>;
export type DemoCase = Required<Omit<typeof cases.$inferInsert, "id" | "publishAt" | "scheduledVersion" | "reviewRequestedAt" | "closedAt" | "createdBy">> & {
  updates: DemoUpdate[];
  targets: DemoTarget[];
  letterTemplates: DemoLetterTemplate[];
};

type Office = Omit<DemoTarget, "position">;

// Office-holders are named only where Amnesty International's own actions of the time named them.
// The President has a published postal address and fax but no public email: reached by fax, else by post.
const PRESIDENT: Office = {
  role: "primary",
  title: "President of the People’s Republic of China",
  name: "Xi Jinping",
  office: null,
  postalAddress: "Zhongnanhai, Xichang’anjie\nXichengqu, Beijing Shi 100017\nPeople’s Republic of China",
  country: "CN",
  email: null,
  // Ofcom's drama range (+44 20 7946 0xxx), not the real number: a demo must never fax a real office
  fax: "+442079460017",
  salutation: "Your Excellency",
  language: "en",
};

const BEIJING_PSB: Office = {
  role: "primary",
  title: "Director of the Beijing Municipal Public Security Bureau",
  name: "Wang Xiaohong",
  office: "Beijing Municipal Public Security Bureau",
  postalAddress: "9 Dongdajie, Qianmen\nDongchengqu, Beijing Shi 100740\nPeople’s Republic of China",
  country: "CN",
  // no public email: urgent actions give this bureau a postal address only, so its letters go in the print run
  email: null,
  fax: null,
  salutation: "Dear Director",
  language: "en",
};

const PROCURATOR_GENERAL: Office = {
  role: "primary",
  title: "Procurator-General of the Supreme People’s Procuratorate",
  name: "Zhang Jun",
  office: "Supreme People’s Procuratorate",
  postalAddress: "147 Beiheyan Dajie\nDongchengqu, Beijing Shi 100726\nPeople’s Republic of China",
  country: "CN",
  email: "procurator-general.demo@example.org",
  fax: null,
  salutation: "Dear Procurator-General",
  language: "en",
};

const MINISTER_OF_JUSTICE: Office = {
  role: "primary",
  title: "Minister of Justice",
  name: null,
  office: "Ministry of Justice",
  postalAddress: "33 Pinganli Xidajie\nXichengqu, Beijing Shi 100035\nPeople’s Republic of China",
  country: "CN",
  email: "justice.demo@example.org",
  fax: null,
  salutation: "Dear Minister",
  language: "en",
};

const MINISTER_OF_PUBLIC_SECURITY: Office = {
  role: "primary",
  title: "Minister of Public Security",
  name: null,
  office: "Ministry of Public Security",
  postalAddress: "14 Dongchang’anjie\nDongchengqu, Beijing Shi 100741\nPeople’s Republic of China",
  country: "CN",
  email: "public-security.demo@example.org",
  fax: null,
  salutation: "Dear Minister",
  language: "en",
};

const XINJIANG_PROCURATOR: Office = {
  role: "primary",
  title: "Procurator-General of the Xinjiang Uyghur Autonomous Region People’s Procuratorate",
  name: null,
  office: "Xinjiang Uyghur Autonomous Region People’s Procuratorate",
  postalAddress: "No. 122 Jianguo Lu\nUrumqi 830002\nXinjiang Uyghur Autonomous Region\nPeople’s Republic of China",
  country: "CN",
  email: "xinjiang-procuratorate.demo@example.org",
  fax: null,
  salutation: "Dear Procurator-General",
  language: "en",
};

const EMBASSY_US: Office = {
  role: "copy",
  title: "Ambassador of the People’s Republic of China to the United States",
  name: "Cui Tiankai",
  office: "Embassy of the People’s Republic of China",
  postalAddress: "3505 International Place NW\nWashington, DC 20008\nUnited States",
  country: "US",
  email: "embassy-us.demo@example.org",
  fax: null,
  salutation: "Dear Ambassador",
  language: "en",
};

// A routed copy: not one office but the PRC's mission in each supporter's own country, picked from the missions
// table (seeded from db/fixtures/missions-china.csv, emails made example.org) when the supporter confirms.
const EMBASSY_IN_YOUR_COUNTRY: Office = {
  role: "copy",
  title: "The embassy of the People’s Republic of China in your country",
  name: null,
  office: null,
  postalAddress: "",
  country: "CN",
  email: null,
  fax: null,
  salutation: "Your Excellency",
  language: "en",
  routing: "mission",
  missionOf: "CN",
};

const SIGN_OFF = `{{supporter.message}}

Thank you for your attention to this urgent matter.

Yours sincerely,
{{supporter.name}}
{{supporter.country}}`;

export const DEMO_CASES: readonly DemoCase[] = [
  {
    slug: "li-qiaochu",
    reference: "UA 28/20",
    title: "Women’s rights defender detained in secret",
    personName: "Li Qiaochu",
    personNameLocal: "李翘楚",
    pronouns: "she/her",
    photoPath: null,
    photoAlt: null,
    photoCredit: null,
    country: "CN",
    tags: "asia,human-rights-defenders,womens-rights,workers-rights",
    riskStatus: "detained",
    summary:
      "Li Qiaochu, who defends the rights of women and workers, was taken away by police in Beijing on 16 February 2020. Held in an unknown location without access to her family or a lawyer of her choice, she is at risk of torture or other ill-treatment.",
    story: `Li Qiaochu is an active defender of the rights of women and workers. On 16 February 2020 she was taken away by police in Beijing. No copy of her detention notice has been given to her family, and they do not know what charges she is being held under.

Her detention is suspected to be related to her activism against gender-based violence, and to the fact that her partner, the legal scholar [Xu Zhiyong](/cases/xu-zhiyong), attended an informal gathering of lawyers and activists in Xiamen in December 2019. Since late December 2019, police across the country have been summoning or detaining people who took part in that gathering.

Her research and activism have long focused on equal rights for workers and women. When the Beijing authorities evicted large numbers of migrant workers from the city in 2017, she worked with volunteers to gather and share information that helped them find new work and affordable homes. She has supported China’s #MeToo movement and, during the COVID-19 outbreak, volunteered in her community and called for measures against gender-based violence.

Held in an unknown location, without access to her family or a lawyer of her choice, Li Qiaochu is at serious risk of torture or other ill-treatment.

*This demonstration case describes Li Qiaochu’s situation as it was reported in April 2020.*`,
    actBefore: "2027-04-30",
    languages: "en,zh",
    goal: 10000,
    state: "published",
    outcome: null,
    publishedAt: new Date("2020-03-17T09:00:00Z"),
    createdAt: new Date("2020-03-17T09:00:00Z"),
    updatedAt: new Date("2020-04-21T12:00:00Z"),
    updates: [
      {
        kind: "further_information",
        title: "Her lawyer is told nothing",
        body: "On 21 April 2020 Li Qiaochu’s lawyer went to Dongxiaokou police station in Beijing to find out about her case. More than two months after she was taken away, the lawyer still knew nothing of her whereabouts, her wellbeing or the charges against her. She is reported to be held under “residential surveillance at a designated location”, which keeps people outside the formal detention system, cut off from their families and lawyers.",
        riskStatus: null,
        happenedOn: "2020-04-21",
      },
    ],
    targets: [
      { ...BEIJING_PSB, position: 0 },
      { ...EMBASSY_US, position: 1 },
    ],
    letterTemplates: [
      {
        language: "en",
        subject: "Release {{case.personName}} now ({{case.reference}})",
        body: `{{date}}

{{target.salutation}},

I am writing to express my grave concern for {{case.personName}} (李翘楚), a defender of the rights of women and workers, who was taken away by police in Beijing on 16 February 2020. Her family has not been given a copy of her detention notice, and they do not know where she is held or what charges she faces.

Her detention appears to be linked to her peaceful activism against gender-based violence, and to the fact that her partner, Xu Zhiyong, attended an informal gathering of lawyers and activists in Xiamen in December 2019. Neither is a crime.

I urge you to release {{case.personName}} immediately and unconditionally, as she is detained solely for her peaceful activism.

Pending her release, I urge you to tell her family where she is held and on what grounds, to allow her regular access to her family and to a lawyer of her choice, to ensure that she receives any medical care she needs, and to protect her from torture and other ill-treatment.

${SIGN_OFF}`,
      },
    ],
  },
  {
    slug: "xu-zhiyong",
    reference: "UA 22/20",
    title: "Legal scholar detained after speaking out",
    personName: "Xu Zhiyong",
    personNameLocal: "许志永",
    pronouns: "he/him",
    photoPath: null,
    photoAlt: null,
    photoCredit: null,
    country: "CN",
    tags: "asia,human-rights-defenders,freedom-of-expression",
    riskStatus: "detained",
    summary:
      "Xu Zhiyong, a prominent legal scholar and rights activist, was detained on 15 February 2020 after attending a gathering of human rights lawyers and activists and criticising President Xi Jinping’s handling of the coronavirus crisis. He is held incommunicado and is at risk of torture or other ill-treatment.",
    story: `Xu Zhiyong is a prominent legal scholar and human rights activist, known for his work on behalf of disadvantaged groups and for the “New Citizens’ Movement”, which he launched in 2012 to promote government transparency and expose corruption. He has been imprisoned before for his peaceful activism, spending four years in prison on public order charges before his release in 2017.

In December 2019 he attended an informal gathering of human rights lawyers and activists in Xiamen, on China’s south-east coast. From 26 December, police across the country began summoning or detaining people who had been there; more than ten have since been summoned or detained. His friends say he went into hiding after the gathering.

In early February 2020 Xu Zhiyong criticised President Xi Jinping’s handling of the coronavirus crisis and called on him to resign. He was detained on 15 February 2020, and has not been allowed to see his family or a lawyer of his choice.

Xu Zhiyong has committed no crime. He has been targeted for his peaceful activism and for exercising his right to freedom of expression, and like others detained over the Xiamen gathering he is at constant risk of torture or other ill-treatment.

*This demonstration case describes Xu Zhiyong’s situation as it was reported in March 2020.*`,
    actBefore: "2027-04-30",
    languages: "en,zh",
    goal: 10000,
    state: "published",
    outcome: null,
    publishedAt: new Date("2020-02-17T09:00:00Z"),
    createdAt: new Date("2020-02-17T09:00:00Z"),
    updatedAt: new Date("2020-03-17T12:00:00Z"),
    updates: [
      {
        kind: "further_information",
        title: "Held under “residential surveillance at a designated location”",
        body: "Police in Beijing told Xu Zhiyong’s sister that he is being held under “residential surveillance at a designated location” on suspicion of “inciting subversion of state power”. This form of detention can last up to six months. It holds people outside the formal detention system, without access to their families or to lawyers of their choice, and puts them at serious risk of torture.",
        riskStatus: null,
        happenedOn: "2020-03-07",
      },
      {
        kind: "further_information",
        title: "His partner, Li Qiaochu, is also detained",
        body: "Li Qiaochu, Xu Zhiyong’s partner and a defender of the rights of women and workers, was taken away by police in Beijing on 16 February 2020 and is held in an unknown location. Her detention is suspected to be related in part to his attendance at the Xiamen gathering. [Read her case and write for her](/cases/li-qiaochu).",
        riskStatus: null,
        happenedOn: "2020-03-17",
      },
    ],
    targets: [
      { ...BEIJING_PSB, position: 0 },
      { ...PROCURATOR_GENERAL, position: 1 },
      { ...EMBASSY_US, position: 2 },
    ],
    letterTemplates: [
      {
        language: "en",
        subject: "Release {{case.personName}} now ({{case.reference}})",
        body: `{{date}}

{{target.salutation}},

I am writing to express my grave concern for {{case.personName}} (许志永), a legal scholar and human rights activist, who was detained on 15 February 2020. He is reportedly held under “residential surveillance at a designated location” on suspicion of “inciting subversion of state power”, without access to his family or to a lawyer of his choice.

{{case.personName}} appears to have been targeted for attending an informal gathering of lawyers and activists in Xiamen in December 2019, and for criticising the authorities’ handling of the coronavirus outbreak. Peaceful activism and the expression of opinions are not crimes.

I urge you to release {{case.personName}} immediately and unconditionally, together with everyone detained solely for taking part in the Xiamen gathering.

Pending his release, I urge you to disclose where he is held, to allow him prompt and regular access to his family and to lawyers of his choice, and to ensure that he is protected from torture and other ill-treatment.

${SIGN_OFF}`,
      },
    ],
  },
  {
    slug: "tashpolat-tiyip",
    reference: "UA 119/19",
    title: "Uyghur academic at risk of imminent execution",
    personName: "Tashpolat Tiyip",
    personNameLocal: "تاشپولات تېيىپ",
    pronouns: "he/him",
    photoPath: null,
    photoAlt: null,
    photoCredit: null,
    country: "CN",
    tags: "asia,death-penalty,uyghurs,enforced-disappearance",
    riskStatus: "facing_execution",
    summary:
      "Tashpolat Tiyip, a prominent Uyghur academic and former President of Xinjiang University, was given a suspended death sentence after a secret and grossly unfair trial. There are fears that the authorities will imminently carry out his execution.",
    story: `Tashpolat Tiyip is a prominent Uyghur academic, a geographer and a former President of Xinjiang University. In November 2008 he received an honorary doctorate from the Sorbonne.

He was President of Xinjiang University when, in 2017, he was forcibly disappeared while travelling to Germany with a group of students for a conference. He has been arbitrarily detained ever since, and his whereabouts remain unknown.

He was convicted of “separatism” in secret and grossly unfair proceedings and given a “suspended death sentence”. Such a sentence can be commuted after two years’ imprisonment if no other crimes are committed, but in September 2019 fears mounted that the authorities would imminently carry out his execution. His family received reports of the sentence that month; there has been no official information about the charges or the proceedings against him.

Tashpolat Tiyip is one of many Uyghurs and members of other predominantly Muslim ethnic groups in Xinjiang who have been arbitrarily detained. Human rights groups estimate that around one million people have been held in so-called “political education camps” in the region. The President of China can stop any plan to execute Tashpolat Tiyip.

*This demonstration case describes Tashpolat Tiyip’s situation as it was reported in November 2019.*`,
    actBefore: "2027-05-31",
    languages: "en,zh",
    goal: 25000,
    state: "published",
    outcome: null,
    publishedAt: new Date("2019-09-10T09:00:00Z"),
    createdAt: new Date("2019-09-10T09:00:00Z"),
    updatedAt: new Date("2019-11-12T12:00:00Z"),
    updates: [
      {
        kind: "further_information",
        title: "Still at grave risk of execution",
        body: "There is no new information about Tashpolat Tiyip’s situation. His family fear that he remains at grave risk of execution. His case has drawn attention around the world, and continued appeals help to keep it in view and to prevent his execution.",
        riskStatus: null,
        happenedOn: "2019-11-12",
      },
    ],
    targets: [
      { ...PRESIDENT, position: 0 },
      { ...XINJIANG_PROCURATOR, position: 1 },
      { ...EMBASSY_IN_YOUR_COUNTRY, position: 2 },
    ],
    letterTemplates: [
      {
        language: "en",
        subject: "Stop the execution of {{case.personName}} ({{case.reference}})",
        body: `{{date}}

{{target.salutation}},

I am writing to express my grave concern at reports that {{case.personName}}, a prominent Uyghur academic and former President of Xinjiang University, is at risk of imminent execution.

{{case.personName}} was forcibly disappeared in 2017 while travelling to Germany with a group of students for a conference. He was later convicted of “separatism” in secret and grossly unfair proceedings and given a suspended death sentence. His whereabouts remain unknown.

I urge you to halt immediately any plan to carry out the execution of {{case.personName}}.

I call on you to release him unconditionally, unless there is sufficient credible and admissible evidence that he has committed an internationally recognised offence and he is granted a fair trial in line with international standards, without recourse to the death penalty.

Pending his release, I urge you to disclose where he is held, to allow him regular access to his family and to lawyers of his choice, and to ensure that he is protected from torture and other ill-treatment.

${SIGN_OFF}`,
      },
    ],
  },
  {
    slug: "gui-minhai",
    reference: "UA 21/18",
    title: "Bookseller sentenced to 10 years after a secret trial",
    personName: "Gui Minhai",
    personNameLocal: "桂民海",
    pronouns: "he/him",
    photoPath: null,
    photoAlt: null,
    photoCredit: null,
    country: "CN",
    tags: "asia,freedom-of-expression,unfair-trials",
    riskStatus: "sentenced",
    summary:
      "Gui Minhai, a bookseller with Swedish citizenship, was sentenced to 10 years’ imprisonment on 24 February 2020 after an apparently secret trial. Without access to his family, a lawyer of his choice or consular officials, he is at risk of torture and other ill-treatment.",
    story: `Gui Minhai is a bookseller and publisher with Swedish citizenship. His Hong Kong publishing house and the Causeway Bay Books shop were known for books about China’s political leaders that are banned in mainland China. In October 2015 he went missing in Thailand, one of five Hong Kong–based publishers and booksellers who disappeared that year, and he later reappeared in custody in mainland China.

In October 2017 the authorities said he had been released, but he remained under surveillance. On 20 January 2018, while travelling by train to Beijing with two Swedish diplomats to seek medical care, he was taken away by plainclothes officers. He has been held ever since.

On 24 February 2020 he was sentenced to 10 years’ imprisonment and five years’ deprivation of political rights on the charge of “illegally providing intelligence to foreign entities”. He appears to have been tried and convicted in secret, denying him any chance of a fair trial. His conviction appears to rest mainly on his attempted trip to Beijing with the Swedish diplomats in 2018.

Without further information, the court notice also stated that Gui Minhai had reapplied for Chinese citizenship in 2018, which would mean he could no longer rely on his Swedish citizenship. As he has been held in custody since 2015, the true intention of this decision cannot be verified.

Without access to his family, a lawyer of his choice or consular officials, there are grave concerns for his health and that he is at risk of torture and other ill-treatment.

*This demonstration case describes Gui Minhai’s situation as it was reported in March 2020.*`,
    actBefore: "2027-06-30",
    languages: "en,zh",
    goal: 15000,
    state: "published",
    outcome: null,
    publishedAt: new Date("2018-01-26T09:00:00Z"),
    createdAt: new Date("2018-01-26T09:00:00Z"),
    updatedAt: new Date("2020-03-03T12:00:00Z"),
    updates: [
      {
        kind: "further_information",
        title: "Sentenced to 10 years in prison",
        body: "The Ningbo Intermediate People’s Court sentenced Gui Minhai to 10 years’ imprisonment and five years’ deprivation of political rights on the charge of “illegally providing intelligence to foreign entities”.",
        riskStatus: "sentenced",
        happenedOn: "2020-02-24",
      },
      {
        kind: "further_information",
        title: "Apparently tried and convicted in secret",
        body: "Gui Minhai appears to have been tried and convicted in secret, denying him any chance of a fair trial, and he has no access to his family, a lawyer of his choice or Swedish consular officials. The court notice claimed that he had reapplied for Chinese citizenship in 2018; as he has been held in custody since 2015, the true intention of this cannot be verified.",
        riskStatus: null,
        happenedOn: "2020-03-03",
      },
    ],
    targets: [
      { ...PRESIDENT, position: 0 },
      { ...MINISTER_OF_JUSTICE, position: 1 },
      { ...EMBASSY_IN_YOUR_COUNTRY, position: 2 },
    ],
    letterTemplates: [
      {
        language: "en",
        subject: "Release {{case.personName}} now ({{case.reference}})",
        body: `{{date}}

{{target.salutation}},

I am writing to express my deep concern for {{case.personName}} (桂民海), a bookseller and Swedish citizen, who was sentenced on 24 February 2020 to 10 years’ imprisonment and five years’ deprivation of political rights for “illegally providing intelligence to foreign entities”.

{{case.personName}} appears to have been tried and convicted in secret, without any chance of a fair trial, and his conviction seems to rest mainly on his attempt to travel to Beijing with two Swedish diplomats in January 2018. He has been held in custody since 2015, without access to his family, to a lawyer of his choice or to Swedish consular officials, and there are grave concerns for his health.

I urge you to release {{case.personName}} immediately and unconditionally.

Pending his release, I urge you to ensure that he has regular access to his family, to lawyers of his choice and to consular officials, that he receives any medical care he needs, and that he is protected from torture and other ill-treatment.

${SIGN_OFF}`,
      },
    ],
  },
  {
    slug: "gao-zhisheng",
    reference: "UA 190/17",
    title: "Human rights lawyer missing since August 2017",
    personName: "Gao Zhisheng",
    personNameLocal: "高智晟",
    pronouns: "he/him",
    photoPath: null,
    photoAlt: null,
    photoCredit: null,
    country: "CN",
    tags: "asia,human-rights-defenders,enforced-disappearance",
    riskStatus: "disappeared",
    summary:
      "Gao Zhisheng, one of China’s most prominent human rights lawyers, went missing in August 2017 and has not been seen since. The authorities have not said where he is, and he is at grave risk of torture.",
    story: `Gao Zhisheng is a prominent human rights lawyer who took on cases few others would, including those of members of religious groups such as Falun Gong practitioners and Christians. In 2001 the Ministry of Justice named him one of China’s top ten lawyers. In 2004 he wrote an open letter to the National People’s Congress about the persecution of Falun Gong practitioners, at a time when almost nobody dared to speak up for them.

Over the years he has been persecuted, abducted and imprisoned for his work. His law firm was shut down in 2005, and in 2006 he was convicted of “inciting subversion of state power”. In the years that followed he was repeatedly forcibly disappeared, and he has described being tortured in detention. After serving a prison sentence he was released in August 2014, and lived under close surveillance in Shaanxi province.

In August 2017 he went missing again. His family reported him missing on 13 August 2017, and local police denied that he was in their custody. In early September a local official told the family that he had been taken to Beijing. The authorities have given no other information about where he is held, his condition or the grounds for any detention.

Gao Zhisheng has not been seen since. Given the treatment he suffered in detention in the past, and without access to a lawyer, he is at grave risk of torture or other ill-treatment.

*This demonstration case describes Gao Zhisheng’s situation as it was reported in August 2019.*`,
    actBefore: "2027-08-13",
    languages: "en,zh",
    goal: 8000,
    state: "published",
    outcome: null,
    publishedAt: new Date("2017-08-18T09:00:00Z"),
    createdAt: new Date("2017-08-18T09:00:00Z"),
    updatedAt: new Date("2019-08-13T12:00:00Z"),
    updates: [
      {
        kind: "further_information",
        title: "Family told he was taken to Beijing",
        body: "A local official told Gao Zhisheng’s family that he had been taken to Beijing. The authorities have given the family no other information about his whereabouts, his condition or the legal grounds for any detention.",
        riskStatus: null,
        happenedOn: "2017-09-05",
      },
      {
        kind: "further_information",
        title: "Two years without word",
        body: "Two years after Gao Zhisheng went missing, his friend the legal scholar Teng Biao wrote that he has not been seen since August 2017. His whereabouts remain unknown.",
        riskStatus: null,
        happenedOn: "2019-08-13",
      },
    ],
    targets: [
      { ...MINISTER_OF_PUBLIC_SECURITY, position: 0 },
      { ...BEIJING_PSB, name: null, position: 1 },
      { ...EMBASSY_US, position: 2 },
    ],
    letterTemplates: [
      {
        language: "en",
        subject: "Where is {{case.personName}}? ({{case.reference}})",
        body: `{{date}}

{{target.salutation}},

I am writing to express my grave concern for {{case.personName}} (高智晟), a human rights lawyer who has been missing since August 2017. His family reported him missing on 13 August 2017 and were later told by a local official that he had been taken to Beijing. Since then, the authorities have given no information about where he is, his condition or the legal grounds for any detention.

{{case.personName}} has been persecuted for many years for his peaceful work defending the rights of others. He has described being tortured in detention in the past, and there are grave fears for his safety.

I urge you to disclose the whereabouts of {{case.personName}} immediately. If he is detained solely for his peaceful human rights work, I urge you to release him immediately and unconditionally.

Pending his release, I urge you to ensure that he has regular access to his family and to lawyers of his choice, and that he is protected from torture and other ill-treatment.

${SIGN_OFF}`,
      },
    ],
  },
];

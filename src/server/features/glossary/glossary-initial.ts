// 医ケア「基本のキ」: the first entries, for consultants without medical training (the seed:
// "相談支援専門員にとって必要な医ケア知識…基本のキがわかる資料があると嬉しい"). Written by the
// project from DOMAIN.md and general knowledge; coordinators correct and extend them in the
// app (every edit is versioned). Plain words first, the medical word second. Not medical advice:
// each family's doctor and nurse decide the care of their child.
export interface InitialTerm {
  term: string;
  reading: string;
  aliases?: string[];
  category: 'basics' | 'care' | 'device' | 'system' | 'service' | 'disaster';
  explanation: string;
  related?: string[];
  serviceTypes?: string[];
  careItems?: string[];
}

export const GLOSSARY_CATEGORY_LABELS: Record<InitialTerm['category'], string> = {
  basics: '基本',
  care: '医療的ケア',
  device: '医療機器',
  system: '制度・手続き',
  service: 'サービス',
  disaster: '災害・停電への備え',
};

export const INITIAL_TERMS: InitialTerm[] = [
  // 基本
  { term: '医療的ケア', reading: 'いりょうてきけあ', aliases: ['医ケア'], category: 'basics', explanation: '家庭で毎日行う、たんの吸引や経管栄養、人工呼吸器の管理などの医療的な生活援助のことです。病院で行う「治療」とは区別され、家族や研修を受けた職員も行います。', related: ['医療的ケア児', '判定スコア', '喀痰吸引等研修'] },
  { term: '医療的ケア児', reading: 'いりょうてきけあじ', aliases: ['医ケア児', '医療的ケア児者', '医ケア児者'], category: 'basics', explanation: '日常的に医療的ケアが必要な子どものことです。歩いたり話したりできる子もいれば、寝たきりの子もいて、必要なケアは一人ひとり違います。18歳を過ぎてもケアは続くため「児者」と書くこともあります。', related: ['医療的ケア', '重症心身障害児', '医療的ケア児支援法'] },
  { term: '重症心身障害児', reading: 'じゅうしょうしんしんしょうがいじ', aliases: ['重心', '重症児'], category: 'basics', explanation: '重い肢体不自由と重い知的障害をあわせ持つ子どものことです。医療的ケアが必要な子も多いですが、医療的ケア児の中には歩ける子（動ける医ケア児）もいて、同じではありません。', related: ['医療的ケア児', '超重症児スコア'] },
  { term: '医療的ケア児等コーディネーター', reading: 'いりょうてきけあじとうこーでぃねーたー', aliases: ['医ケアコーディネーター', '医ケア児コーディネーター', '医ケアコーディネータ'], category: 'basics', explanation: '都道府県などの養成研修を修了し、医療・福祉・行政・教育の関係機関をつなぐ役割の人です。医療のプロではなく「多職種連携のプロ」として、医ケアのケースを持つ相談支援専門員を後ろから支えます。', related: ['多職種連携', '計画相談支援', '医療的ケア児支援センター'] },
  { term: '多職種連携', reading: 'たしょくしゅれんけい', category: 'basics', explanation: '医師・看護師・相談支援専門員・ヘルパー・学校・市役所など、立場の違う人たちが情報を共有し、役割を分けて一緒に支えることです。医ケア児の支援では欠かせません。', related: ['担当者会議', '医療的ケア児等コーディネーター'] },
  // 医療的ケア
  { term: '吸引', reading: 'きゅういん', aliases: ['たん吸引', '痰吸引', '喀痰吸引'], category: 'care', explanation: '自分でたんを出せない人の口・鼻・気管カニューレから、吸引器という機械でたんや唾液を吸い取ることです。息苦しさや肺炎を防ぐために、1日に何度も必要な子もいます。', related: ['気管切開', '喀痰吸引等研修', '日常生活用具'], careItems: ['suction'] },
  { term: '経管栄養', reading: 'けいかんえいよう', aliases: ['注入'], category: 'care', explanation: '口から十分に食べたり飲んだりできない人に、管（チューブ）を通して栄養剤や水分、薬を入れることです。鼻から胃に入れる管、胃瘻、腸瘻などがあります。ポンプを使い1回に1〜2時間かかることもあります。', related: ['胃瘻', '経鼻胃管', '腸瘻'], careItems: ['tube_feeding', 'feeding_pump'] },
  { term: '胃瘻', reading: 'いろう', aliases: ['胃ろう', 'PEG'], category: 'care', explanation: 'おなかの皮膚から胃まで小さな穴を作り、そこに管やボタンを付けて栄養を入れる方法です。鼻の管より本人の負担が少ないことが多いです。抜けてしまうと穴が早くふさがるので、すぐに医療機関に連絡します。', related: ['経管栄養', '腸瘻'], careItems: ['tube_feeding'] },
  { term: '経鼻胃管', reading: 'けいびいかん', aliases: ['マーゲンチューブ', 'NGチューブ'], category: 'care', explanation: '鼻から胃まで通した細い管で栄養を入れる方法です。テープで顔に固定します。抜けたり位置がずれたりすると危ないので、入れ直しは決められた人が行います。', related: ['経管栄養', '胃瘻'], careItems: ['tube_feeding'] },
  { term: '腸瘻', reading: 'ちょうろう', aliases: ['腸ろう'], category: 'care', explanation: 'おなかから腸に直接管を入れて栄養を入れる方法です。胃に入れると吐いてしまう場合などに使います。ゆっくり注入するためポンプを使うことが多いです。', related: ['経管栄養', '胃瘻'], careItems: ['tube_feeding', 'feeding_pump'] },
  { term: '気管切開', reading: 'きかんせっかい', aliases: ['気切'], category: 'care', explanation: '首の前に穴（気管孔）を開け、気管カニューレという管を入れて空気の通り道を確保することです。声が出にくくなることがあります。カニューレが抜けたり詰まったりすると命に関わるため、緊急時の対応を確認しておきます。', related: ['気管カニューレ', '吸引', '人工呼吸器'], careItems: ['tracheostomy'] },
  { term: '気管カニューレ', reading: 'きかんかにゅーれ', aliases: ['カニューレ'], category: 'device', explanation: '気管切開の穴に入れておく管です。ここからたんを吸引したり、人工呼吸器をつないだりします。定期的に病院や訪問診療で交換します。', related: ['気管切開', '吸引'], careItems: ['tracheostomy'] },
  { term: '人工呼吸器', reading: 'じんこうこきゅうき', aliases: ['呼吸器'], category: 'device', explanation: '自分の力だけでは十分に呼吸できない人の呼吸を、機械で助ける装置です。気管切開からつなぐ方法と、マスクでつなぐ方法（NPPV）があります。電気で動くため、停電への備えがとても大切です。', related: ['NPPV', '気管切開', '正弦波インバーター', '個別避難計画'], careItems: ['ventilator'] },
  { term: 'NPPV', reading: 'えぬぴーぴーぶい', aliases: ['非侵襲的陽圧換気', 'マスク式人工呼吸'], category: 'device', explanation: '鼻や口にマスクを付けて空気を送り、呼吸を助ける人工呼吸の方法です。気管切開をしないで使え、夜間の睡眠中だけ使う人もいます。機種によっては内蔵バッテリーがないため、停電時の電源を確認します。', related: ['人工呼吸器'], careItems: ['ventilator'] },
  { term: 'カフアシスト', reading: 'かふあしすと', aliases: ['排痰補助装置', '咳介助'], category: 'device', explanation: '機械で空気を送り込んでから一気に吸い出し、咳の代わりをしてたんを出しやすくする装置です。筋力が弱くて咳が弱い人に使います。判定スコアでは人工呼吸器の項目に含まれます。', related: ['人工呼吸器', '吸引'], careItems: ['ventilator'] },
  { term: '酸素療法', reading: 'さんそりょうほう', aliases: ['在宅酸素', 'HOT', '酸素濃縮器'], category: 'care', explanation: '体の酸素が足りない人に、鼻の管やマスクで酸素を吸ってもらう治療です。家では酸素濃縮器という機械や酸素ボンベを使います。濃縮器は停電で止まるので、ボンベの予備が大切です。火気に近づけないよう注意します。', related: ['パルスオキシメーター', '個別避難計画'], careItems: ['oxygen'] },
  { term: 'パルスオキシメーター', reading: 'ぱるすおきしめーたー', aliases: ['SpO2', 'サチュレーション', 'サチュレーションモニター'], category: 'device', explanation: '指や足先にはさんだセンサーで、血液中の酸素の割合（SpO2）と脈拍を測る機械です。その子にとって注意が必要な数値は一人ひとり違うので、主治医や家族に確認しておきます。', related: ['酸素療法', '日常生活用具'], careItems: ['oxygen'] },
  { term: 'ネブライザー', reading: 'ねぶらいざー', aliases: ['吸入', '吸入器'], category: 'device', explanation: '薬や生理食塩水を細かい霧にして吸い込ませる機械です。のどや気管をうるおしたり、たんをやわらかくして出しやすくしたりします。', related: ['吸引'], careItems: ['nebulizer'] },
  { term: '鼻咽頭エアウェイ', reading: 'びいんとうえあうぇい', category: 'care', explanation: '鼻からのどの奥まで柔らかい管を入れて、空気の通り道を保つ方法です。舌が落ち込んで息がしにくい子などに使います。', related: ['吸引'], careItems: ['nasopharyngeal_airway'] },
  { term: '中心静脈栄養', reading: 'ちゅうしんじょうみゃくえいよう', aliases: ['中心静脈カテーテル', 'IVH', 'TPN'], category: 'care', explanation: '心臓の近くの太い静脈に入れた管（カテーテル）から、栄養を点滴で入れる方法です。腸から栄養を吸収できない子などに使います。感染を防ぐことが大切で、発熱は早めに医療機関に相談します。', related: ['経管栄養'], careItems: ['central_venous'] },
  { term: '導尿', reading: 'どうにょう', aliases: ['間欠的導尿', '自己導尿'], category: 'care', explanation: '自分で尿を出せない人の膀胱に細い管を入れて尿を出すことです。1日に何回か時間を決めて行う方法（間欠的導尿）と、管を入れたままにする方法があります。学校や通所先で必要になることもあります。', related: ['ストーマ'], careItems: ['intermittent_catheterization', 'continuous_catheterization'] },
  { term: 'ストーマ', reading: 'すとーま', aliases: ['人工肛門', '人工膀胱'], category: 'care', explanation: '腸や尿の出口をおなかに作ったものです。便や尿はパウチという袋で受け止め、定期的に交換します。装具は日常生活用具として給付を受けられます。', related: ['日常生活用具', '導尿'], careItems: ['stoma'] },
  { term: 'けいれん発作', reading: 'けいれんほっさ', aliases: ['痙攣', 'けいれん', 'てんかん発作'], category: 'care', explanation: '脳の働きが一時的に乱れて、体が突っ張ったりガクガクしたり、意識がなくなったりすることです。発作のときの対応（座薬、吸引、酸素、救急車を呼ぶ目安）を、主治医の指示に沿って家族と確認しておきます。', related: ['吸引', '酸素療法'], careItems: ['seizure_care'] },
  { term: '血糖測定', reading: 'けっとうそくてい', aliases: ['CGM', 'インスリン注射'], category: 'care', explanation: '血液中の糖の量を測ることです。糖尿病などの子が、指先の血や、腕に付けたセンサー（CGM）で測ります。インスリン注射とセットで必要になることが多いです。', related: ['医療的ケア'], careItems: ['blood_glucose', 'injection'] },
  { term: '喀痰吸引等研修', reading: 'かくたんきゅういんとうけんしゅう', aliases: ['特定行為', '第3号研修'], category: 'system', explanation: '介護職員やヘルパー、保育士などが、たんの吸引と経管栄養を行うための研修です。研修を修了し登録した事業所で、医師の指示のもとに行えます。第3号研修は、特定の利用者に限って行うための研修です。', related: ['吸引', '経管栄養', '居宅介護'], careItems: ['suction', 'tube_feeding'] },
  // 制度・手続き
  { term: '判定スコア', reading: 'はんていすこあ', aliases: ['医療的ケア判定スコア', '医ケアスコア'], category: 'system', explanation: '医療的ケアの種類と、見守りの必要さを点数にしたものです。医師が判定し、児童発達支援や放課後等デイサービスの報酬（3点以上・16点以上・32点以上など）や看護職員の配置に使われます。', related: ['医療的ケア', '受給者証', '超重症児スコア'] },
  { term: '超重症児スコア', reading: 'ちょうじゅうしょうじすこあ', aliases: ['超重症児', '準超重症児'], category: 'system', explanation: '運動機能と医療的ケアを点数にしたもので、主に病院の入院や医療型短期入所で使われます。25点以上を超重症児、10〜24点を準超重症児といいます。福祉サービスの「判定スコア」とは別のものです。', related: ['判定スコア', '重症心身障害児'] },
  { term: '小慢', reading: 'しょうまん', aliases: ['小児慢性特定疾病', '小児慢性特定疾患'], category: 'system', explanation: '「小児慢性特定疾病」の略です。国が定めた長く続く病気（がん、心臓病、神経・筋疾患など16の疾患群）の子どもの医療費を助成する制度で、18歳未満で認定され、治療が続けば20歳未満まで延長できます。申請先は都道府県・指定都市・中核市です。', related: ['受給者証'] },
  { term: '受給者証', reading: 'じゅきゅうしゃしょう', aliases: ['障害福祉サービス受給者証', '通所受給者証'], category: 'system', explanation: '市町村がサービスの利用を決めたときに出す証明書です。使えるサービスの種類と量、自己負担の上限額などが書かれています。子どもの通所サービスでは「通所受給者証」といいます。小慢の医療費助成の証（医療受給者証）とは別のものです。', related: ['支給決定', '計画相談支援', '小慢'] },
  { term: '支給決定', reading: 'しきゅうけってい', category: 'system', explanation: '市町村が、障害福祉サービスを使うこと（種類・量・期間）を決めることです。相談支援専門員が作る計画案（またはセルフプラン）をもとに決まり、受給者証が出されます。', related: ['受給者証', '計画相談支援', 'セルフプラン'] },
  { term: '計画相談支援', reading: 'けいかくそうだんしえん', aliases: ['計画相談', 'サービス等利用計画', '障害児相談支援', '障害児支援利用計画'], category: 'system', explanation: '相談支援専門員が本人・家族の希望を聞き、どのサービスをどう使うかの計画（大人はサービス等利用計画、子どもは障害児支援利用計画）を作り、その後も定期的に見直す支援です。利用者の自己負担はありません。', related: ['モニタリング', '支給決定', 'セルフプラン', '担当者会議'], serviceTypes: ['52', '70'] },
  { term: 'モニタリング', reading: 'もにたりんぐ', category: 'system', explanation: '計画どおりにサービスが使えているか、本人や家族の状況が変わっていないかを、相談支援専門員が定期的に確かめることです。頻度は市町村が決めます。医療的ケアがあると状態が変わりやすいので、短い間隔が勧められます。', related: ['計画相談支援'] },
  { term: 'セルフプラン', reading: 'せるふぷらん', category: 'system', explanation: '相談支援専門員ではなく、家族など本人側が自分で作るサービスの利用計画です。相談支援事業所が見つからないときに使われることもありますが、その場合も相談先があると安心です。', related: ['計画相談支援', '支給決定'] },
  { term: '担当者会議', reading: 'たんとうしゃかいぎ', aliases: ['サービス担当者会議'], category: 'system', explanation: '計画を作るときや見直すときに、本人・家族と、関わる事業所や医療機関の担当者が集まって話し合う会議です。医療との連携では、退院前や状態が変わったときに開くと情報がそろいます。', related: ['計画相談支援', '多職種連携'] },
  { term: '訪問看護指示書', reading: 'ほうもんかんごしじしょ', aliases: ['指示書'], category: 'system', explanation: '主治医が訪問看護ステーションに出す、看護の内容を指示する書類です。これがないと訪問看護は始められません。有効期間は最長6か月です。', related: ['訪問看護'], serviceTypes: ['home_nursing'] },
  { term: '医療的ケア児支援法', reading: 'いりょうてきけあじしえんほう', category: 'system', explanation: '2021年に施行された「医療的ケア児及びその家族に対する支援に関する法律」です。国や自治体に支援の責務があること、保育所や学校での支援、家族が仕事を辞めなくてすむようにすること、都道府県の支援センターの設置などを定めています。', related: ['医療的ケア児支援センター', '医療的ケア児'] },
  { term: '医療的ケア児支援センター', reading: 'いりょうてきけあじしえんせんたー', aliases: ['医療的ケア児等支援センター', 'ぽらりす'], category: 'system', explanation: '医療的ケア児支援法にもとづき都道府県が設置する相談窓口です。家族や支援者からの相談を受け、関係機関につなぎ、研修も行います。千葉県のセンターは「ぽらりす」です。', related: ['医療的ケア児支援法', '医療的ケア児等コーディネーター'] },
  { term: 'ライフサポートファイル', reading: 'らいふさぽーとふぁいる', category: 'system', explanation: '子どもの成長や病気、必要な支援を家族がまとめて持ち歩くファイルです。保育園・学校・病院が変わっても支援が途切れないように使います。市ごとに書式があり、県のホームページでも公開されています。', related: ['個別避難計画'] },
  { term: '日常生活用具', reading: 'にちじょうせいかつようぐ', aliases: ['日常生活用具給付'], category: 'system', explanation: '市町村が給付する、生活に必要な用具です。吸引器、ネブライザー、パルスオキシメーター、ストーマ装具などが対象になりますが、対象品目や条件は市によって違います。原則として購入前に申請が必要です。', related: ['補装具', '吸引', 'パルスオキシメーター'], serviceTypes: ['daily_equipment'] },
  { term: '補装具', reading: 'ほそうぐ', category: 'system', explanation: '車いす、座位保持装置、歩行器など、体の機能を補うために長く使う用具です。医師の意見書などをもとに市町村が費用を支給します。成長に合わせて作り直しが必要になります。', related: ['日常生活用具'], serviceTypes: ['daily_equipment'] },
  // サービス
  { term: '訪問看護', reading: 'ほうもんかんご', aliases: ['訪看'], category: 'service', explanation: '看護師などが自宅を訪ねて、医療的ケア、体調の確認、リハビリ、家族への助言を行うサービスです。子どもは主に医療保険で利用し、主治医の訪問看護指示書が必要です。', related: ['訪問看護指示書', '訪問診療', 'レスパイト'], serviceTypes: ['home_nursing'] },
  { term: '訪問診療', reading: 'ほうもんしんりょう', aliases: ['往診'], category: 'service', explanation: '医師が計画的に自宅を訪ねて診察するサービスです。急に具合が悪くなったときに来てもらう「往診」とは区別されます。在宅の医療的ケアの指示や、医療機器の管理も担います。', related: ['訪問看護'], serviceTypes: ['home_medical'] },
  { term: '児童発達支援', reading: 'じどうはったつしえん', aliases: ['児発'], category: 'service', explanation: '小学校に入る前の子どもが通い、遊びや生活の練習、発達の支援を受けるサービスです。医療的ケアに対応するには看護職員が必要なため、受け入れられる事業所は限られています。', related: ['放課後等デイサービス', '判定スコア', '受給者証'], serviceTypes: ['63'] },
  { term: '放課後等デイサービス', reading: 'ほうかごとうでいさーびす', aliases: ['放デイ', '放課後デイ'], category: 'service', explanation: '小学生から高校生までの子どもが、放課後や休みの日に通うサービスです。医療的ケアに対応できる事業所や利用できる時間は限られ、家族の仕事との両立の課題になっています。', related: ['児童発達支援', '判定スコア'], serviceTypes: ['65'] },
  { term: '短期入所', reading: 'たんきにゅうしょ', aliases: ['ショートステイ', '医療型短期入所'], category: 'service', explanation: '家族の休息や用事、病気のときなどに、数日間泊まりで預かるサービスです。医療的ケアがある子は、病院などで行う医療型短期入所を使うことが多いですが、地域に少なく予約が取りにくいのが課題です。', related: ['レスパイト'], serviceTypes: ['24', 'medical_short_stay'] },
  { term: 'レスパイト', reading: 'れすぱいと', aliases: ['レスパイトケア'], category: 'service', explanation: '介護している家族が休息を取れるように、一時的にケアを代わることです。短期入所、日中一時支援、訪問看護の長時間利用などで行います。家族が倒れないための大切な支援です。', related: ['短期入所', '訪問看護'], serviceTypes: ['24', 'day_care_city'] },
  { term: '居宅介護', reading: 'きょたくかいご', aliases: ['ホームヘルプ', 'ヘルパー'], category: 'service', explanation: 'ヘルパーが自宅を訪ねて、入浴や食事、排せつの介助、家事の手伝いをするサービスです。研修を受けたヘルパーは、たんの吸引や経管栄養も行えます。家族の希望する時間に合わせるのが難しいことがあります。', related: ['喀痰吸引等研修', 'レスパイト'], serviceTypes: ['11'] },
  { term: '基幹相談支援センター', reading: 'きかんそうだんしえんせんたー', category: 'service', explanation: '市町村の相談支援の中心となる機関です。難しいケースの相談を受けたり、地域の相談支援専門員を支えたりします。どこに相談すればよいか迷ったときの窓口にもなります。', related: ['計画相談支援'], serviceTypes: ['core_consultation_center'] },
  // 災害・停電への備え
  { term: '個別避難計画', reading: 'こべつひなんけいかく', category: 'disaster', explanation: '災害のとき、一人で避難するのが難しい人ごとに、誰が手伝い、どこへ、どうやって避難するかを決めておく計画です。市町村が本人の同意を得て作ります。人工呼吸器などを使う人は、電源の確保と避難先の確認が特に大切です。', related: ['避難行動要支援者名簿', '正弦波インバーター', '人工呼吸器'] },
  { term: '避難行動要支援者名簿', reading: 'ひなんこうどうようしえんしゃめいぼ', category: 'disaster', explanation: '災害時に避難の手助けが必要な人の名簿で、市町村が作ります。本人の同意があれば、平常時から消防や民生委員などに提供され、いざというときの支援に使われます。', related: ['個別避難計画'] },
  { term: '正弦波インバーター', reading: 'せいげんはいんばーたー', aliases: ['正弦波', '非常用電源', 'ポータブル電源'], category: 'disaster', explanation: '医療機器は、家のコンセントと同じなめらかな波形（正弦波）の電気で使う必要があります。発電機や車、ポータブル電源から電気を取るときは「正弦波」と書かれたものを選びます。購入費を助成している市もあります。', related: ['人工呼吸器', '個別避難計画', '酸素療法'] },
];

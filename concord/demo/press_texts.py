"""The press service's demo texts: the Sochi press release of 23 September 2013 as the press
service published it in English (the seed) and in Russian, and the June 2024 Almaty meeting item."""

from __future__ import annotations

SOCHI_TITLE_EN = "Session of the CSTO Collective Security Council. Sochi, September 23, 2013"
SOCHI_LEAD_EN = ("The CSTO Collective Security Council decided to provide military-technical "
                 "assistance to the Border Guards of Tajikistan to strengthen the Tajik-Afghan "
                 "border and made a statement on the situation in and around Syria.")
SOCHI_EN = "\n".join((
    'September 23, this year, the regular session of the Collective Security Council (CSC) of'
    ' the Collective Security Treaty Organization was held in the sanatorium Rus in Sochi. '
    'The CSC includes the heads of the CSTO member states - Armenia, Belarus, Kazakhstan, '
    'Kyrgyzstan, Russia and Tajikistan. The chairmanship of the Kyrgyz Republic in the CSTO '
    'in 2014 passes to the Russian Federation.',
    'Hearing the report of the CSTO Secretary General Nikolai Bordyuzha on the results of the'
    ' Tajik-Afghan border survey, the presidents decided to recognize the adoption of '
    'additional measures by the Republic of Tajikistan together with the CSTO member states '
    'to strengthen the Tajik-Afghan section of the state border. Based on the request of the '
    'Tajik side, the CSTO member states within three months, taking into account their '
    'capabilities, will provide free military technical assistance to the Border Troops of '
    'the State Committee for National Security of the Republic of Tajikistan.',
    'At the initiative of the Russian side, a statement was made by the CSTO member states on'
    ' the situation in and around Syria. The document says, in particular: “The CSTO member '
    'states are seriously concerned about the development of the situation in Syria and '
    'around it. They are in favor of achieving peace, stability, prosperity and progress in '
    'this country and the whole region of the Middle East.',
    'The CSTO member states believe that external, including forceful intervention is '
    'unacceptable and can lead to even greater destabilization of the situation in this '
    'country and far beyond the region. In addition, any international intervention in the '
    'Syrian conflict in circumvention of the UN Security Council and in violation of the '
    'Charter of the Organization is unlawful.',
    'The CSTO member states support the efforts of the Russian Federation to resolve the '
    'Syrian crisis solely by political and diplomatic means, and support the implementation '
    'of the measures agreed in Geneva on September 12–14. Russian-US proposals for measures '
    'on Syrian chemical weapons, based on the fact that this will contribute to the overall '
    'task of eliminating all stocks of chemical weapons.”',
    'The CSTO Secretary General briefed the Collective Security Council on the implementation'
    ' of the decisions of the December (2012) session of the CSC and the implementation of '
    'the agreements of the informal summit of the heads of the CSTO member states on May 28, '
    '2013 in Bishkek, taking into account the priorities of the CSTO activities put forward '
    'by the Kyrgyz Republic in the Organization in 2013. Attention was focused on practical '
    'steps to strengthen the military component of the Organization, including the formation '
    'of the CSTO Forces (Collective Forces), and the phased implementation of the CSTO Action'
    ' Plan to combat the challenges and threats emanating from Afghanistan (adopted at the '
    'CSC session on December 12, 2011). Instructions on the preparation of measures in the '
    'CSTO format to assist the Republic of Tajikistan to strengthen the Tajik-Afghan border, '
    'which were adopted during the current session of the Collective Security Council, were '
    'also given during the informal meeting of the heads of the CSTO member states at the end'
    ' of May this year in Bishkek.',
    'The President of the Russian Federation, Vladimir Putin, who took over the chairmanship '
    'of the CSTO CSC, said the Organization’s priorities for next year. To further transform '
    'the CSTO into a multifunctional international organization capable of confronting modern'
    ' challenges and threats in its area of responsibility and adjacent areas, Russia '
    'considers it necessary to focus on the following priorities:',
    '1. Strengthening cooperation mechanisms to ensure security at the external borders of '
    'the CSTO zone of responsibility, including the development and adoption of preventive '
    'measures to counter the challenges and threats emanating from the territory of '
    'Afghanistan, in the context of the proposed reduction of foreign military presence in '
    'this country in 2014.',
    'The development of close cooperation between the CSTO and the Council of Commanders of '
    'the Border Troops of the CIS member states.',
    '2. Improvement of joint operational and combat training of command bodies and forces and'
    ' means of the collective security system of the CSTO by conducting joint military '
    'exercises, combat training of the Collective Rapid Reaction Forces (CRRF) of the CSTO '
    'and equipping them with modern weapons, military and special equipment.',
    '3. Preparation of the CSTO peacekeeping forces for practical participation in '
    'peacekeeping operations.',
    '4. In the field of combating modern challenges and threats to the security of the CSTO '
    'member states, first of all, drug trafficking, including from Afghanistan, and terrorism'
    ' - the continuation of work on organizing local operations on the main drug trafficking '
    'routes within the regional anti-drug operation “Channel”, joint operational-tactical '
    'exercises of special-purpose units of anti-drug departments and internal affairs bodies '
    'assigned to the formations of the special-purpose forces of the CSTO CRRF.',
    'Countering the spread of propaganda of terrorism and religious extremism, including '
    'through the national segments of the Internet.',
    '5. Increasing the foreign policy coordination of the CSTO member states on key issues of'
    ' international and regional security, coordinating positions at the UN and at other '
    'international platforms, preparing joint statements and initiatives on topical issues '
    'affecting the interests of the Organization’s member states.',
    '6. Development of interaction between the CSTO and other international and regional '
    'organizations in order to increase its international prestige and address the challenges'
    ' facing the Organization.',
    'Following the CSC session, a communiqué was adopted in which a positive assessment was '
    'made of the dynamics of the development of the CSTO collective security system in all '
    'major areas of its operation, the establishment of the Organization as one of the '
    'fundamental tools to guarantee the security of the CSTO member states and stability in '
    'the collective security region.',
    'The document, in particular, states: “The heads of the CSTO member states consider it '
    'important to implement foreign policy interaction, coordination and elaboration of '
    'common approaches to the development of the modern international situation. In this '
    'context, concerted actions of the CSTO member states in the framework of the United '
    'Nations and in other international forums take on a special meaning.',
    'The Collective Security Council attaches fundamental importance to the prevention of '
    'external threats and outside interference, strengthening joint resistance to '
    'international terrorism and extremism, illicit drug trafficking and weapons, illegal '
    'migration and human trafficking, the use of information and communication technologies '
    'for illegal purposes, including through internationally recognized complex operational '
    'and preventive operations "Channel", "Nelegal", as well as "PROXY". The implementation '
    'of the decision to assist the Republic of Tajikistan in strengthening the Tajik-Afghan '
    'border is intended to make a significant contribution to solving these problems.',
    'The Council attaches great importance to the formation of an effective system of '
    'collective response to emergency situations, including those caused by man-made and '
    'natural disasters.',
    'In the framework of improving military cooperation, as well as enhancing the combat '
    'potential of the collective security system’s forces and means, it was reasonable and '
    'timely to approve the Main Directions for the development of military cooperation of the'
    ' CSTO member states for the period up to 2020, the establishment of the Military '
    'Committee, the building up of the CSTO Collective Rapid Reaction Forces equipment of '
    'modern weapons, military and special equipment. Thanks to the joint integrated exercises'
    ' "Rubezh", "Mutual Action", "Indestructible Brotherhood", "Cobalt", "Thunder" increased '
    'the level of preparedness of the forces and means of the CSTO member states involved in '
    'them."',
    'Lieutenant-General Alexander Studenikin, Chief of the Joint Staff of the CSTO, took part'
    ' in the session of the CSC.',
    'It was decided to hold the next session of the CSC in the second half of 2014 in Moscow.'
    ' In total, during the session of the CSC, 8 documents were signed.',
))

SOCHI_TITLE_RU = "Сессия Совета коллективной безопасности ОДКБ. Сочи, 23 сентября 2013 года"
SOCHI_LEAD_RU = ("Совет коллективной безопасности ОДКБ принял решение об оказании "
                 "военно-технической помощи Пограничным войскам Таджикистана в целях укрепления "
                 "таджикско-афганской границы и выступил с заявлением о ситуации в Сирии и вокруг "
                 "неё.")
SOCHI_RU = "\n".join((
    "23 сентября текущего года в санатории «Русь» в Сочи состоялась очередная сессия Совета "
    "коллективной безопасности (СКБ) Организации Договора о коллективной безопасности. В состав "
    "СКБ входят главы государств — членов ОДКБ: Армении, Беларуси, Казахстана, Кыргызстана, "
    "России и Таджикистана. Председательство в ОДКБ в 2014 году переходит от Кыргызской "
    "Республики к Российской Федерации.",
    "Заслушав доклад Генерального секретаря ОДКБ Николая Бордюжи о результатах обследования "
    "таджикско-афганской границы, президенты приняли решение признать необходимым принятие "
    "Республикой Таджикистан совместно с государствами — членами ОДКБ дополнительных мер по "
    "укреплению таджикско-афганского участка государственной границы. На основании обращения "
    "таджикской стороны государства — члены ОДКБ в течение трёх месяцев с учётом своих "
    "возможностей окажут безвозмездную военно-техническую помощь Пограничным войскам "
    "Государственного комитета национальной безопасности Республики Таджикистан.",
    "По инициативе российской стороны государства — члены ОДКБ выступили с заявлением о "
    "ситуации в Сирии и вокруг неё. В документе, в частности, говорится: «Государства — члены "
    "ОДКБ серьёзно обеспокоены развитием ситуации в Сирии и вокруг неё. Они выступают за "
    "достижение мира, стабильности, процветания и прогресса в этой стране и во всём регионе "
    "Ближнего Востока.",
    "Государства — члены ОДКБ считают, что внешнее, в том числе силовое, вмешательство "
    "недопустимо и может привести к ещё большей дестабилизации обстановки в этой стране и далеко "
    "за пределами региона. Кроме того, любое международное вмешательство в сирийский конфликт в "
    "обход Совета Безопасности ООН и в нарушение Устава Организации неправомерно.",
    "Государства — члены ОДКБ поддерживают усилия Российской Федерации по урегулированию "
    "сирийского кризиса исключительно политико-дипломатическими средствами и выступают за "
    "реализацию согласованных 12–14 сентября в Женеве российско-американских предложений о "
    "мерах в отношении сирийского химического оружия, исходя из того, что это будет "
    "способствовать решению общей задачи ликвидации всех запасов химического оружия».",
    "Генеральный секретарь ОДКБ проинформировал Совет коллективной безопасности о ходе "
    "выполнения решений декабрьской (2012 года) сессии СКБ и договорённостей неформального "
    "саммита глав государств — членов ОДКБ 28 мая 2013 года в Бишкеке с учётом приоритетов "
    "деятельности ОДКБ, выдвинутых Кыргызской Республикой на период её председательства в "
    "Организации в 2013 году. Внимание было сосредоточено на практических шагах по укреплению "
    "военной составляющей Организации, в том числе формированию Сил (Коллективных сил) ОДКБ, и "
    "поэтапной реализации Плана действий ОДКБ по противодействию вызовам и угрозам, исходящим "
    "из Афганистана (принят на сессии СКБ 12 декабря 2011 года). Поручения о подготовке мер в "
    "формате ОДКБ по оказанию помощи Республике Таджикистан в укреплении таджикско-афганской "
    "границы, решение по которым принято на нынешней сессии Совета коллективной безопасности, "
    "были даны также в ходе неформальной встречи глав государств — членов ОДКБ в конце мая "
    "текущего года в Бишкеке.",
    "Президент Российской Федерации Владимир Путин, принявший председательство в СКБ ОДКБ, "
    "изложил приоритеты Организации на следующий год. Для дальнейшего превращения ОДКБ в "
    "многофункциональную международную организацию, способную противостоять современным "
    "вызовам и угрозам в зоне своей ответственности и на сопредельных территориях, Россия "
    "считает необходимым сосредоточиться на следующих приоритетах:",
    "1. Укрепление механизмов сотрудничества по обеспечению безопасности на внешних границах "
    "зоны ответственности ОДКБ, в том числе выработка и принятие превентивных мер по "
    "противодействию вызовам и угрозам, исходящим с территории Афганистана, в условиях "
    "предполагаемого сокращения иностранного военного присутствия в этой стране в 2014 году.",
    "Развитие тесного взаимодействия ОДКБ и Совета командующих Пограничными войсками "
    "государств — участников СНГ.",
    "2. Совершенствование совместной оперативной и боевой подготовки органов управления и сил "
    "и средств системы коллективной безопасности ОДКБ путём проведения совместных военных "
    "учений, боевой подготовки Коллективных сил оперативного реагирования (КСОР) ОДКБ и "
    "оснащения их современным вооружением, военной и специальной техникой.",
    "3. Подготовка миротворческих сил ОДКБ к практическому участию в миротворческих операциях.",
    "4. В сфере противодействия современным вызовам и угрозам безопасности государств — членов "
    "ОДКБ, прежде всего наркотрафику, в том числе из Афганистана, и терроризму — продолжение "
    "работы по организации локальных операций на основных маршрутах наркотрафика в рамках "
    "региональной антинаркотической операции «Канал», совместных оперативно-тактических учений "
    "подразделений специального назначения антинаркотических ведомств и органов внутренних дел, "
    "выделенных в состав формирований сил специального назначения КСОР ОДКБ.",
    "Противодействие распространению пропаганды терроризма и религиозного экстремизма, в том "
    "числе через национальные сегменты сети Интернет.",
    "5. Повышение внешнеполитической координации государств — членов ОДКБ по ключевым "
    "проблемам международной и региональной безопасности, согласование позиций в ООН и на "
    "других международных площадках, подготовка совместных заявлений и инициатив по "
    "актуальным вопросам, затрагивающим интересы государств — членов Организации.",
    "6. Развитие взаимодействия ОДКБ с другими международными и региональными организациями в "
    "целях повышения её международного авторитета и решения стоящих перед Организацией задач.",
    "По итогам сессии СКБ принято коммюнике, в котором дана положительная оценка динамике "
    "развития системы коллективной безопасности ОДКБ по всем основным направлениям её "
    "деятельности, становлению Организации как одного из основополагающих инструментов "
    "обеспечения безопасности государств — членов ОДКБ и стабильности в регионе коллективной "
    "безопасности.",
    "В документе, в частности, говорится: «Главы государств — членов ОДКБ считают важным "
    "осуществление внешнеполитического взаимодействия, координации и выработки общих подходов "
    "к развитию современной международной обстановки. В этом контексте особое значение "
    "приобретают согласованные действия государств — членов ОДКБ в рамках Организации "
    "Объединённых Наций и на других международных форумах.",
    "Совет коллективной безопасности придаёт принципиальное значение предотвращению внешних "
    "угроз и вмешательства извне, наращиванию совместного противодействия международному "
    "терроризму и экстремизму, незаконному обороту наркотиков и оружия, незаконной миграции и "
    "торговле людьми, использованию информационно-коммуникационных технологий в противоправных "
    "целях, в том числе путём проведения получивших международное признание комплексных "
    "оперативно-профилактических операций «Канал», «Нелегал», а также «PROXY». Значительный "
    "вклад в решение этих задач призвана внести реализация решения об оказании помощи "
    "Республике Таджикистан в укреплении таджикско-афганской границы.",
    "Совет придаёт большое значение формированию эффективной системы коллективного "
    "реагирования на чрезвычайные ситуации, в том числе вызванные техногенными и природными "
    "катастрофами.",
    "В рамках совершенствования военного сотрудничества, а также наращивания боевого "
    "потенциала сил и средств системы коллективной безопасности обоснованным и своевременным "
    "стало утверждение Основных направлений развития военного сотрудничества государств — "
    "членов ОДКБ на период до 2020 года, создание Военного комитета, оснащение Коллективных сил "
    "оперативного реагирования ОДКБ современным вооружением, военной и специальной техникой. "
    "Благодаря совместным комплексным учениям «Рубеж», «Взаимодействие», «Нерушимое "
    "братство», «Кобальт», «Гром» повысился уровень подготовленности привлекавшихся к ним сил и "
    "средств государств — членов ОДКБ».",
    "В работе сессии СКБ принял участие начальник Объединённого штаба ОДКБ генерал-лейтенант "
    "Александр Студеникин.",
    "Следующую сессию СКБ решено провести во второй половине 2014 года в Москве. Всего в ходе "
    "сессии СКБ было подписано 8 документов.",
))

ALMATY_TITLE_RU = "Заседание Комитета секретарей советов безопасности ОДКБ в Алматы"
ALMATY_BODY_RU = (
    "6 июня 2024 года в Алматы под председательством Республики Казахстан состоялось заседание "
    "Комитета секретарей советов безопасности ОДКБ.\n"
    "В ходе заседания Генеральный секретарь ОДКБ Имангали Тасмагамбетов выступил с докладом о "
    "ситуации в зоне ответственности ОДКБ и мерах, направленных на нейтрализацию вызовов и "
    "угроз безопасности государств — членов Организации Договора о коллективной безопасности.")
ALMATY_TITLE_EN = "Meeting of the CSTO Committee of Secretaries of Security Councils in Almaty"
ALMATY_BODY_EN = (
    "On June 6, 2024, in Almaty, a meeting of the CSTO Committee of Secretaries of Security "
    "Council was held under the chairmanship of the Republic of Kazakhstan.\n"
    "During the meeting, the CSTO Secretary General Imangali Tasmagambetov made a report on the "
    "situation in the CSTO area of responsibility and measures aimed at neutralizing challenges "
    "and threats to the security of Collective Security Treaty Organization member states.")

-- Seeded questionnaires (DOMAIN.md §6), region_id null, version 1: the entry questionnaires of the mentee and the mentor
-- (answers fill the profile: requests, competencies, availability, interests) and the exit satisfaction questionnaires.
-- Idempotent: an instrument already present (code + version) is left as it is; items are added only to an empty one.

-- The learners' topics of the shared taxonomy (DOMAIN.md §5) the entry questionnaires offer; added when missing.
insert into topics (region_id, organization_id, family, name)
select null, null, 'learners', t.name
from unnest(array[
    'Повышение успеваемости по предмету', 'Подготовка к ОГЭ/ЕГЭ', 'Подготовка к олимпиадам', 'Проектная деятельность',
    'Учебно-исследовательская деятельность', 'Адаптация в новом классе, коллективе', 'Профессиональная ориентация, выбор профессии',
    'Развитие лидерских качеств', 'Коммуникативные навыки', 'Мотивация к учёбе', 'Самоорганизация и тайм-менеджмент',
    'Финансовая грамотность', 'Цифровая грамотность, программирование', 'Техническое творчество, робототехника',
    'Художественное творчество', 'Спорт и здоровый образ жизни', 'Добровольчество, социальные проекты',
    'Ученическое самоуправление, общественные объединения', 'Предпринимательство', 'Подготовка к конкурсам и соревнованиям',
    'Профессиональные навыки по специальности (СПО)', 'Стажировка и трудоустройство (СПО)'
]) as t(name)
where not exists (select 1 from topics x where x.region_id is null and x.organization_id is null and x.family = 'learners' and x.name = t.name);

insert into instruments (region_id, code, name, family, form, respondent, moment, version)
select null, v.code, v.name, 'learners', '', v.respondent, v.moment, 1
from (values
    ('seed_mentee_entry', 'Анкета наставляемого (входная)', 'mentee', 'entry'),
    ('seed_mentor_entry', 'Анкета наставника (входная)', 'mentor', 'entry'),
    ('seed_mentee_satisfaction', 'Анкета удовлетворённости наставляемого участием в программе наставничества', 'mentee', 'exit'),
    ('seed_mentor_satisfaction', 'Анкета удовлетворённости наставника участием в программе наставничества', 'mentor', 'exit')
) as v(code, name, respondent, moment)
where not exists (select 1 from instruments i where i.code = v.code and i.version = 1);

create temporary table seed_items (code text, position integer, kind text, text text, options text[], fills text, is_required boolean) on commit drop;

insert into seed_items values
    ('seed_mentee_entry', 1, 'multiple', 'С чем вам нужна помощь наставника? Отметьте одну или несколько тем.', '{}', 'requests', true),
    ('seed_mentee_entry', 2, 'text', 'Опишите свой запрос своими словами', '{}', '', false),
    ('seed_mentee_entry', 3, 'text', 'Ваши увлечения и интересы', '{}', '', false),
    ('seed_mentee_entry', 4, 'text', 'Когда вам удобно встречаться с наставником (дни недели, время)?', '{}', '', false),
    ('seed_mentee_entry', 5, 'single', 'Какой формат встреч вам удобнее?', '{"Очно","Дистанционно","Смешанный"}', '', false),
    ('seed_mentee_entry', 6, 'scale', 'Насколько вы ожидаете, что работа с наставником будет для вас полезной? (1 — совсем не полезной, 10 — очень полезной)', '{}', '', true),
    ('seed_mentee_entry', 7, 'yes_no', 'Был ли у вас раньше опыт работы с наставником?', '{}', '', false),

    ('seed_mentor_entry', 1, 'multiple', 'В каких темах вы готовы помогать наставляемому? Отметьте одну или несколько.', '{}', 'competencies', true),
    ('seed_mentor_entry', 2, 'text', 'Ваши достижения и опыт, полезные для наставничества', '{}', '', false),
    ('seed_mentor_entry', 3, 'text', 'Ваши увлечения и интересы', '{}', 'interests', false),
    ('seed_mentor_entry', 4, 'text', 'Когда вы можете встречаться с наставляемым (дни недели, время)?', '{}', 'availability', false),
    ('seed_mentor_entry', 5, 'number', 'Сколько часов в месяц вы готовы уделять наставничеству?', '{}', '', false),
    ('seed_mentor_entry', 6, 'yes_no', 'Был ли у вас опыт наставничества?', '{}', '', false),
    ('seed_mentor_entry', 7, 'scale', 'Насколько вы уверены в своей готовности быть наставником? (1 — совсем не уверен(а), 10 — полностью уверен(а))', '{}', '', true),

    ('seed_mentee_satisfaction', 1, 'scale', 'Насколько эффективной вы ожидали видеть работу с наставником? (1–10)', '{}', '', true),
    ('seed_mentee_satisfaction', 2, 'scale', 'Насколько эффективной оказалась работа с наставником на самом деле? (1–10)', '{}', '', true),
    ('seed_mentee_satisfaction', 3, 'scale', 'Насколько комфортным было общение с наставником? (1–10)', '{}', '', true),
    ('seed_mentee_satisfaction', 4, 'scale', 'Насколько полезными были личные встречи с наставником? (1–10)', '{}', '', true),
    ('seed_mentee_satisfaction', 5, 'scale', 'Насколько полезными были групповые встречи? (1–10)', '{}', '', false),
    ('seed_mentee_satisfaction', 6, 'scale', 'Насколько понятными были задания и поручения наставника? (1–10)', '{}', '', true),
    ('seed_mentee_satisfaction', 7, 'scale', 'Насколько оправдались ваши ожидания от участия в программе? (1–10)', '{}', '', true),
    ('seed_mentee_satisfaction', 8, 'scale', 'Насколько безопасно вы чувствовали себя во время работы с наставником? (1–10)', '{}', '', true),
    ('seed_mentee_satisfaction', 9, 'scale', 'Для педагогов: насколько полезной была работа над профессиональными навыками (посещение уроков, совместные уроки, совместная подготовка материалов)? (1–10)', '{}', '', false),
    ('seed_mentee_satisfaction', 10, 'yes_no', 'Хотели бы вы продолжить работу в программе наставничества?', '{}', '', true),
    ('seed_mentee_satisfaction', 11, 'yes_no', 'Хотели бы вы в будущем сами стать наставником?', '{}', '', true),
    ('seed_mentee_satisfaction', 12, 'yes_no', 'Порекомендовали бы вы участие в программе наставничества друзьям или коллегам?', '{}', '', true),
    ('seed_mentee_satisfaction', 13, 'text', 'Чего вы ожидали от участия в программе?', '{}', '', false),
    ('seed_mentee_satisfaction', 14, 'text', 'Что было самым ценным в программе?', '{}', '', false),
    ('seed_mentee_satisfaction', 15, 'text', 'Чего вам не хватило в программе?', '{}', '', false),

    ('seed_mentor_satisfaction', 1, 'scale', 'Насколько эффективной вы ожидали видеть работу с наставляемым? (1–10)', '{}', '', true),
    ('seed_mentor_satisfaction', 2, 'scale', 'Насколько эффективной оказалась работа с наставляемым на самом деле? (1–10)', '{}', '', true),
    ('seed_mentor_satisfaction', 3, 'scale', 'Насколько комфортным было общение с наставляемым? (1–10)', '{}', '', true),
    ('seed_mentor_satisfaction', 4, 'scale', 'Насколько полезными были личные встречи с наставляемым? (1–10)', '{}', '', true),
    ('seed_mentor_satisfaction', 5, 'scale', 'Насколько полезными были групповые встречи? (1–10)', '{}', '', false),
    ('seed_mentor_satisfaction', 6, 'scale', 'Насколько понятными были задачи программы наставничества? (1–10)', '{}', '', true),
    ('seed_mentor_satisfaction', 7, 'scale', 'Насколько оправдались ваши ожидания от участия в программе? (1–10)', '{}', '', true),
    ('seed_mentor_satisfaction', 8, 'scale', 'Насколько удобно вам было планировать и выполнять работу наставника? (1–10)', '{}', '', true),
    ('seed_mentor_satisfaction', 9, 'scale', 'Насколько полезным было обучение наставников? (1–10)', '{}', '', true),
    ('seed_mentor_satisfaction', 10, 'scale', 'Насколько комфортным было взаимодействие с куратором программы? (1–10)', '{}', '', true),
    ('seed_mentor_satisfaction', 11, 'scale', 'Для педагогов: насколько полезной была работа над профессиональными навыками (посещение уроков, совместные уроки, совместная подготовка материалов)? (1–10)', '{}', '', false),
    ('seed_mentor_satisfaction', 12, 'yes_no', 'Хотели бы вы продолжить работу наставником?', '{}', '', true),
    ('seed_mentor_satisfaction', 13, 'yes_no', 'Порекомендовали бы вы коллегам стать наставником?', '{}', '', true),
    ('seed_mentor_satisfaction', 14, 'text', 'Чего вы ожидали от участия в программе?', '{}', '', false),
    ('seed_mentor_satisfaction', 15, 'text', 'Что было самым ценным в программе?', '{}', '', false),
    ('seed_mentor_satisfaction', 16, 'text', 'Чего вам не хватило в программе?', '{}', '', false);

-- Requests and competencies offer the learners' topic names of the shared taxonomy.
update seed_items s
set options = (select array_agg(t.name order by t.id) from topics t
               where t.region_id is null and t.organization_id is null and t.family = 'learners' and t.is_active)
where s.fills in ('requests', 'competencies');

insert into instrument_items (instrument_id, position, kind, text, options, fills, is_required)
select i.id, s.position, s.kind, s.text, s.options, s.fills, s.is_required
from seed_items s
join instruments i on i.code = s.code and i.version = 1
where not exists (select 1 from instrument_items x where x.instrument_id = i.id);

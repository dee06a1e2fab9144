-- «Темы запросов и компетенций» (DOMAIN.md §5): the seeded lists of both model families, shared by every region
-- (region_id null). Idempotent: a topic already seeded under the same family and name is left as it is.

insert into topics (region_id, organization_id, family, name)
select null, null, s.family, s.name
from (values
    ('learners', 'Повышение успеваемости по предмету'),
    ('learners', 'Подготовка к ОГЭ/ЕГЭ'),
    ('learners', 'Подготовка к олимпиадам'),
    ('learners', 'Проектная деятельность'),
    ('learners', 'Учебно-исследовательская деятельность'),
    ('learners', 'Адаптация в новом классе, коллективе'),
    ('learners', 'Профессиональная ориентация, выбор профессии'),
    ('learners', 'Развитие лидерских качеств'),
    ('learners', 'Коммуникативные навыки'),
    ('learners', 'Мотивация к учёбе'),
    ('learners', 'Самоорганизация и тайм-менеджмент'),
    ('learners', 'Финансовая грамотность'),
    ('learners', 'Цифровая грамотность, программирование'),
    ('learners', 'Техническое творчество, робототехника'),
    ('learners', 'Художественное творчество'),
    ('learners', 'Спорт и здоровый образ жизни'),
    ('learners', 'Добровольчество, социальные проекты'),
    ('learners', 'Ученическое самоуправление, общественные объединения'),
    ('learners', 'Предпринимательство'),
    ('learners', 'Подготовка к конкурсам и соревнованиям'),
    ('learners', 'Профессиональные навыки по специальности (СПО)'),
    ('learners', 'Стажировка и трудоустройство (СПО)'),
    ('teachers', 'Адаптация в коллективе и организации'),
    ('teachers', 'Планирование и проведение урока (занятия)'),
    ('teachers', 'Методика преподавания предмета'),
    ('teachers', 'Классное руководство, воспитательная работа'),
    ('teachers', 'Работа с родителями (законными представителями)'),
    ('teachers', 'Дисциплина и управление классом'),
    ('teachers', 'Работа с детьми с ОВЗ, инклюзия'),
    ('teachers', 'Работа с одарёнными обучающимися'),
    ('teachers', 'Оценивание, подготовка к ГИА'),
    ('teachers', 'Рабочие программы и документация'),
    ('teachers', 'Цифровые образовательные ресурсы'),
    ('teachers', 'Аттестация и профессиональные конкурсы')
) as s (family, name)
where not exists (
    select 1 from topics t where t.region_id is null and t.organization_id is null and t.family = s.family and t.name = s.name
);
